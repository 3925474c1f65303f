import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `--out` folder of a run: locked, checked, written beside itself and replaced in one step.
///
/// - Lock: `.NAME.lock` beside `--out` (flock, held until `release`), so that a second run into the
///   same folder stops at once with a clear message. The lock file stays (removing it would race with
///   a run that has just opened it); it holds the pid of the run that last took it.
/// - Staging: the whole dataset is written into `.NAME.staging` beside `--out`, every file and the
///   folder fsynced, then swapped with `--out` by one `renameat2(RENAME_EXCHANGE)`, so that a reader
///   sees the old dataset or the new one, never a mix. The old one (now under the staging name) is
///   then deleted.
/// - Kept across the swap: every entry of `--out` that is not a dataset file (`DatasetWriter.fileNames`)
///   is moved into the new folder before the swap: the per-document result cache `.cache`, and any
///   file a user put there. Only the dataset's own files are replaced.
/// - Interrupted runs: a staging folder found at the next `claim` (kill -9, power loss) is recovered:
///   entries that are not dataset files and that `--out` lacks are moved back into `--out` (a kill
///   between carrying `.cache` over and the swap must not lose it), then the folder is deleted.
///   SIGINT and SIGTERM do the same at once (`SignalCleanup`).
public final class OutputFolder: @unchecked Sendable {
    /// The folder readers use.
    public let url: URL
    /// Where the next dataset is written (`.NAME.staging` beside `url`).
    public let stagingURL: URL
    /// The lock file (`.NAME.lock` beside `url`).
    public let lockURL: URL
    /// What `claim` found and cleaned up from an interrupted run (for a note on stderr).
    public private(set) var recovered: [String] = []

    private var lockFD: Int32
    private var holders = 1
    // Held while entries move between the two folders, so that a signal handler's cleanup never
    // runs halfway through a swap.
    private let swapLock = NSLock()

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: OutputFolder] = [:]

    private init(url: URL, lockFD: Int32) {
        self.url = url
        let parent = url.deletingLastPathComponent()
        stagingURL = parent.appendingPathComponent(".\(url.lastPathComponent).staging")
        lockURL = parent.appendingPathComponent(".\(url.lastPathComponent).lock")
        self.lockFD = lockFD
    }

    /// Checks `path` (a folder or nothing, writable, not a mount point), creates its parent folders,
    /// takes the lock and recovers what an interrupted run left. Claiming a folder this process holds
    /// already returns the same claim (call `release` once per `claim`).
    public static func claim(_ path: URL) throws -> OutputFolder {
        let url = try resolve(path)
        registryLock.lock(); defer { registryLock.unlock() }
        if let held = registry[url.path] { held.holders += 1; return held }
        let parent = url.deletingLastPathComponent()
        try makeFolders(parent, for: url)
        var st = stat()
        if lstat(url.path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw DatasetWriterError.outputNotAFolder(path: url.path) }
            var pst = stat()
            if stat(parent.path, &pst) == 0, pst.st_dev != st.st_dev {
                throw DatasetWriterError.outputIsMountPoint(path: url.path)
            }
            if access(url.path, W_OK) != 0 { throw DatasetWriterError.outputReadOnly(path: url.path, reason: errnoText()) }
        }
        if access(parent.path, W_OK) != 0 {
            throw DatasetWriterError.outputReadOnly(path: parent.path, reason: errnoText())
        }
        let lockPath = parent.appendingPathComponent(".\(url.lastPathComponent).lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError(lockPath, what: "cannot create the lock file") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let text = errnoText()
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            if busy {
                let pid = Int(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
                throw DatasetWriterError.outputBusy(path: url.path, lockPath: lockPath, pid: pid)
            }
            throw DatasetWriterError.io(path: lockPath, message: "cannot lock: \(text)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        let folder = OutputFolder(url: url, lockFD: fd)
        do {
            folder.recovered = try folder.recoverStaging()
        } catch {
            close(fd)
            throw error
        }
        registry[url.path] = folder
        return folder
    }

    /// Every folder this process has claimed and not released (for the signal handlers).
    static var claimed: [OutputFolder] {
        registryLock.lock(); defer { registryLock.unlock() }
        return Array(registry.values)
    }

    /// Drops one claim; the last one unlocks.
    public func release() {
        OutputFolder.registryLock.lock(); defer { OutputFolder.registryLock.unlock() }
        holders -= 1
        guard holders == 0, lockFD >= 0 else { return }
        close(lockFD)
        lockFD = -1
        OutputFolder.registry[url.path] = nil
    }

    /// An empty staging folder to write the next dataset into.
    func beginStaging() throws -> URL {
        swapLock.lock(); defer { swapLock.unlock() }
        _ = try recoverStaging()
        if mkdir(stagingURL.path, 0o755) != 0 { throw OutputFolder.ioError(stagingURL.path, what: "cannot create the staging folder") }
        return stagingURL
    }

    /// Makes the staging folder the dataset: fsync its files and itself, carry the entries of the
    /// current folder that are not dataset files over, swap in one rename, fsync the parent, delete
    /// the old dataset.
    func publish() throws {
        swapLock.lock(); defer { swapLock.unlock() }
        try OutputFolder.syncContents(of: stagingURL)
        let fm = FileManager.default
        var st = stat()
        if lstat(url.path, &st) == 0 {
            let kept = try fm.contentsOfDirectory(atPath: url.path).filter { !OutputFolder.isDatasetFile($0) }.sorted()
            var moved: [String] = []
            for name in kept {
                if rename(url.appendingPathComponent(name).path, stagingURL.appendingPathComponent(name).path) != 0 {
                    let failure = OutputFolder.ioError(url.appendingPathComponent(name).path, what: "cannot carry over into the new dataset")
                    for m in moved { _ = rename(stagingURL.appendingPathComponent(m).path, url.appendingPathComponent(m).path) }
                    throw failure
                }
                moved.append(name)
            }
            if !moved.isEmpty { try OutputFolder.syncFolder(stagingURL) }
            if exchange(stagingURL.path, url.path) != 0 {
                let failure = OutputFolder.ioError(url.path, what: "cannot swap in the new dataset")
                for m in moved { _ = rename(stagingURL.appendingPathComponent(m).path, url.appendingPathComponent(m).path) }
                throw failure
            }
        } else if rename(stagingURL.path, url.path) != 0 {
            throw OutputFolder.ioError(url.path, what: "cannot move the new dataset in place")
        }
        try OutputFolder.syncFolder(url.deletingLastPathComponent())
        // The staging name now holds the old dataset's files only; a failure here leaves it for the
        // next claim to delete, the new dataset is in place either way.
        try? fm.removeItem(at: stagingURL)
    }

    /// Deletes the staging folder after moving back any entry carried over from `url` (abort, signals).
    func discardStaging() {
        swapLock.lock(); defer { swapLock.unlock() }
        _ = try? recoverStaging()
    }

    /// Moves entries of a leftover staging folder that are not dataset files back into `url` when it
    /// lacks them, then deletes the folder. Returns what was done, for a note.
    private func recoverStaging() throws -> [String] {
        let fm = FileManager.default
        var st = stat()
        guard lstat(stagingURL.path, &st) == 0 else { return [] }
        var notes: [String] = []
        if st.st_mode & S_IFMT == S_IFDIR {
            let names = (try? fm.contentsOfDirectory(atPath: stagingURL.path)) ?? []
            for name in names.sorted() where !OutputFolder.isDatasetFile(name) {
                var target = stat()
                guard lstat(url.appendingPathComponent(name).path, &target) != 0 else { continue }
                if lstat(url.path, &target) != 0 { _ = mkdir(url.path, 0o755) }
                if rename(stagingURL.appendingPathComponent(name).path, url.appendingPathComponent(name).path) == 0 {
                    notes.append("moved \(name) back into \(url.path)")
                }
            }
        }
        do { try fm.removeItem(at: stagingURL) } catch {
            throw DatasetWriterError.io(path: stagingURL.path, message: "cannot remove a staging folder left by an interrupted run")
        }
        notes.append("removed the unfinished dataset \(stagingURL.path) left by an interrupted run")
        return notes
    }

    /// A dataset file, or a temporary name of one left by an older version (`.reports.csv.tmp`).
    static func isDatasetFile(_ name: String) -> Bool {
        if DatasetWriter.fileNames.contains(name) { return true }
        if name.hasPrefix("."), name.hasSuffix(".tmp") { return DatasetWriter.fileNames.contains(String(name.dropFirst().dropLast(4))) }
        return DatasetWriter.fileNames.contains { name == $0 + "-journal" }
    }

    // MARK: - system calls

    /// Absolute, with `..`, `.` and symbolic links of the existing part resolved (a link named by
    /// --out must not be replaced by a folder: its target is).
    private static func resolve(_ path: URL) throws -> URL {
        var url = path.standardizedFileURL
        if url.path == "/" || url.lastPathComponent.isEmpty { throw DatasetWriterError.outputIsMountPoint(path: "/") }
        if let real = realpath(url.path, nil) {
            url = URL(fileURLWithPath: String(cString: real)); free(real)
        } else if let real = realpath(url.deletingLastPathComponent().path, nil) {
            url = URL(fileURLWithPath: String(cString: real)).appendingPathComponent(url.lastPathComponent); free(real)
        }
        if url.path == "/" { throw DatasetWriterError.outputIsMountPoint(path: "/") }
        return url
    }

    /// mkdir -p, with errors that name the cause.
    private static func makeFolders(_ folder: URL, for out: URL) throws {
        var st = stat()
        if stat(folder.path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw DatasetWriterError.outputNotAFolder(path: folder.path) }
            return
        }
        try makeFolders(folder.deletingLastPathComponent(), for: out)
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            if errno == EACCES || errno == EROFS || errno == EPERM {
                throw DatasetWriterError.outputReadOnly(path: folder.deletingLastPathComponent().path, reason: errnoText())
            }
            throw ioError(folder.path, what: "cannot create the folder")
        }
    }

    /// Swaps two directories atomically (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np
    /// RENAME_SWAP). Where the file system refuses the exchange (EINVAL, ENOSYS), falls back to two
    /// renames, with a moment in which `b` does not exist (but never a mix of files).
    private func exchange(_ a: String, _ b: String) -> Int32 {
        #if os(Linux)
        if let renameat2 = OutputFolder.renameat2 {
            let r = renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */)
            if r == 0 || (errno != EINVAL && errno != ENOSYS) { return r }
        }
        #else
        if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return 0 }
        #endif
        let aside = b + ".old-\(getpid())"
        guard rename(b, aside) == 0 else { return -1 }
        guard rename(a, b) == 0 else { let e = errno; _ = rename(aside, b); errno = e; return -1 }
        return rename(aside, a)
    }

    #if os(Linux)
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    // Looked up at run time: Swift's Glibc module does not declare it (_GNU_SOURCE only).
    private static let renameat2: Renameat2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    #endif

    /// fsync of every regular file in `folder` (one level: the dataset has no subfolders), then of the folder.
    private static func syncContents(of folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            try sync(path, flags: O_RDONLY)
        }
        try syncFolder(folder)
    }

    static func syncFolder(_ folder: URL) throws { try sync(folder.path, flags: O_RDONLY | O_DIRECTORY) }

    private static func sync(_ path: String, flags: Int32) throws {
        let fd = open(path, flags | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(path, what: "cannot open to sync") }
        defer { close(fd) }
        if fsync(fd) != 0 { throw ioError(path, what: "cannot sync to disk") }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// The error for the current errno, the full disk told apart.
    static func ioError(_ path: String, what: String) -> DatasetWriterError {
        let code = errno
        if code == ENOSPC || code == EDQUOT { return .diskFull(path: path) }
        if code == EROFS || code == EACCES { return .outputReadOnly(path: path, reason: String(cString: strerror(code))) }
        return .io(path: path, message: "\(what): \(String(cString: strerror(code)))")
    }
}
