import Foundation
import ITAModel

/// The question codes' letters of the repository's Mappings, for tests that read codes.
enum TestCodeLetters {
    static let letters: QuestionCodeLetters = try! QuestionCodeLetters.load(mappings: MappingsDirectory.forSourceFile(#filePath)!)
}
