import Foundation

/// Pages found without a text layer and not yet through OCR, over the whole process: the progress
/// line's "OCR pages pending" (OCR is the slow part of a run with scans).
public final class OCRBacklog: @unchecked Sendable {
    public static let shared = OCRBacklog()
    private let lock = NSLock()
    private var count = 0

    public var pending: Int { lock.withLock { count } }

    func add(_ pages: Int) { lock.withLock { count += pages } }
}
