import ArgumentParser
import Foundation
import ITAModel
import UnitIdentity

/// A broken `Mappings/` file stops the command with exit status 2 and one line naming the file
/// and key, before any document is read (a run on broken data would write wrong or empty values).
enum MappingsFailure {
    static let exitStatus: Int32 = 2

    static func exitOnError<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as MappingsError {
            FileHandle.standardError.write(Data("ita-extract: \(error)\n".utf8))
            throw ExitCode(exitStatus)
        } catch let error as GazetteerError {
            FileHandle.standardError.write(Data("ita-extract: broken mappings: \(error)\n".utf8))
            throw ExitCode(exitStatus)
        }
    }

    static func exitOnError<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as MappingsError {
            FileHandle.standardError.write(Data("ita-extract: \(error)\n".utf8))
            throw ExitCode(exitStatus)
        } catch let error as GazetteerError {
            FileHandle.standardError.write(Data("ita-extract: broken mappings: \(error)\n".utf8))
            throw ExitCode(exitStatus)
        }
    }
}
