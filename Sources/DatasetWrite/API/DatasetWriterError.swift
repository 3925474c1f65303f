/// Why the dataset writer refused or failed.
public enum DatasetWriterError: Error, Equatable, CustomStringConvertible {
    /// `write` or `finish` after `finish` or `abort`.
    case closed
    /// Two records with one doc_id (the same file given twice): the pipeline must keep one.
    case duplicateDocID(String, sourcePath: String)
    /// A file could not be created, written or renamed.
    case io(path: String, message: String)
    /// `--out` (or a folder above it) is a file.
    case outputNotAFolder(path: String)
    /// `--out` or the folder it is in cannot be written (permissions, read-only file system).
    case outputReadOnly(path: String, reason: String)
    /// Another run holds the lock on `--out`.
    case outputBusy(path: String, lockPath: String, pid: Int?)
    /// `--out` is a mount point (or `/`): it cannot be replaced in one rename.
    case outputIsMountPoint(path: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .closed: return "the dataset writer is already finished or aborted"
        case let .duplicateDocID(id, path): return "doc_id \(id) (\(path)) was already written: same file twice?"
        case let .io(path, message): return "\(path): \(message)"
        case let .outputNotAFolder(path):
            return "\(path) is a file, not a folder: --out must name a folder (existing or not)"
        case let .outputReadOnly(path, reason):
            return "\(path) cannot be written (\(reason)): --out and the folder it is in must be writable; nothing was changed"
        case let .outputBusy(path, lockPath, pid):
            return "another ita-extract run\(pid.map { " (pid \($0))" } ?? "") is writing to \(path) (lock \(lockPath)); wait for it to finish or choose another --out"
        case let .outputIsMountPoint(path):
            return "\(path) is a mount point or a file system root and cannot be replaced in one step: give --out a folder inside it"
        case let .diskFull(path):
            return "no space left on the device while writing \(path): free some space and run again; the earlier dataset, if any, is unchanged"
        }
    }
}
