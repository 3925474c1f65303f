/// How the dataset files are written.
public struct WriterOptions: Codable, Hashable, Sendable {
    /// Start each CSV with a UTF-8 byte-order mark, so that Excel reads the Thai text as UTF-8.
    public var bom: Bool

    /// Options with the given settings (default: no BOM, the plain RFC 4180 file).
    public init(bom: Bool = false) {
        self.bom = bom
    }
}
