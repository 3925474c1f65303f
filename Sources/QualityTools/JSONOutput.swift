import Foundation

/// Machine-readable output of eval and diff: pretty JSON, snake_case keys in sorted (stable)
/// order, slashes and Thai text unescaped.
public enum JSONOutput {
    /// `value` as JSON text ending with a newline.
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try enc.encode(value), as: UTF8.self) + "\n"
    }
}
