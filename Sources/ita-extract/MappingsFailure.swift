import ArgumentParser
import Foundation
import ITAModel
import UnitIdentity

/// A broken `Mappings/` file stops the command with exit status 2 and one line naming the file
/// and key, before any document is read (a run on broken data would write wrong or empty values).
enum MappingsFailure {
    static let exitStatus: Int32 = 2

    static func exitOnError<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw translated(error) }
    }

    static func exitOnError<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translated(error) }
    }

    /// A data error becomes its message on stderr and exit 2; any other error passes unchanged.
    private static func translated(_ error: Error) -> Error {
        let line: String
        switch error {
        case let e as MappingsError: line = "ita-extract: \(e)"
        case let e as GazetteerError: line = "ita-extract: broken mappings: \(e)"
        default: return error
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        return ExitCode(exitStatus)
    }
}
