import Foundation
import ITAModel
import ThaiCharacters

/// Turns the command line's PATH arguments into the list of inputs to read. Every path given or
/// found is accounted for: a missing path, a dangling link, a FIFO named `x.pdf` or a folder that
/// cannot be read becomes an input that fails at the read stage (a row in errors.jsonl and in the
/// manifest), never a message on stderr only.
public enum InputFinder {
    /// A PATH that could not be used (missing, unreadable): reported, never silently skipped.
    public struct Problem: Error, Sendable, Equatable {
        public var path: String
        public var message: String
    }

    /// Every input named by `paths`: a path that is not a folder is taken as it is (whatever its
    /// extension, so a mis-named file still gets a clear error, and whatever it is: the read stage
    /// says what is wrong with it); a folder is searched recursively for `*.pdf` in any case, file
    /// names compared as bytes (names that are not UTF-8 are found too). Links inside folders are
    /// taken when named `*.pdf` and never followed into folders (no loops). Paths keep the form
    /// given (relative stays relative). Sorted by the path's bytes, duplicates removed.
    public static func inputs(_ paths: [String]) -> [InputPath] {
        var found: [[UInt8]: InputPath] = [:]
        func add(_ p: InputPath) { if found[p.bytes] == nil || p.problem != nil { found[p.bytes] = p } }
        for path in paths {
            let bytes = normalised(Array(path.utf8))
            var st = stat()
            let isFolder = InputPath(bytes: bytes).withCPath { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            if isFolder { walk(bytes, add) } else { add(InputPath(bytes: bytes)) }
        }
        return found.values.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// The inputs' readable paths (`inputs` without the bytes). `problems` is kept for callers that
    /// listed them apart; every problem is now an input of its own that fails at the read stage.
    public static func find(_ paths: [String]) -> (files: [String], problems: [Problem]) {
        (inputs(paths).map(\.display), [])
    }

    /// Walks `folder` depth-first with opendir/readdir, so names are bytes and an unreadable
    /// subfolder is seen (FileManager's enumerator skipped both silently).
    private static func walk(_ folder: [UInt8], _ add: (InputPath) -> Void) {
        let cFolder = folder.map { CChar(bitPattern: $0) } + [0]
        guard let dir = opendir(cFolder) else {
            let why = String(cString: strerror(errno))
            add(InputPath(bytes: folder, problem: DocumentError(stage: "read", reason: "unreadable_folder",
                                                                message: "folder cannot be read: \(why)")))
            return
        }
        var children: [([UInt8], UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            // Hidden files and folders (".parts/", ".~lock") are tools' scratch, not inputs.
            if name.first == 0x2E { continue }
            children.append((name, entry.pointee.d_type))
        }
        closedir(dir)
        for (name, type) in children {
            // Inside ".", paths are the names themselves ("a/b.pdf", not "./a/b.pdf": one file, one source_path).
            let full = folder == [0x2E] ? name : folder + (folder.last == 0x2F ? [] : [0x2F]) + name
            var kind = type
            if kind == UInt8(DT_UNKNOWN) {
                var st = stat()
                let c = full.map { CChar(bitPattern: $0) } + [0]
                if lstat(c, &st) == 0 {
                    switch st.st_mode & S_IFMT {
                    case S_IFDIR: kind = UInt8(DT_DIR)
                    case S_IFLNK: kind = UInt8(DT_LNK)
                    default: kind = UInt8(DT_REG)
                    }
                }
            }
            if kind == UInt8(DT_DIR) { walk(full, add); continue }
            // Anything named *.pdf is an input, whatever it is (file, link, FIFO, device, socket):
            // the read stage takes regular files only and says what the others are.
            if hasPDFSuffix(name) { add(InputPath(bytes: full)) }
        }
    }

    /// ".pdf" in any case, compared as bytes.
    static func hasPDFSuffix(_ name: [UInt8]) -> Bool {
        guard name.count > 4 else { return false }
        let tail = name.suffix(4).map { ThaiScript.isASCIIUppercase(UInt32($0)) ? $0 + 0x20 : $0 }
        return tail == Array(".pdf".utf8)
    }

    /// "./a/b.pdf" and "a//b.pdf" both become "a/b.pdf", so one file is one source_path.
    static func normalised(_ path: String) -> String {
        InputPath.escaped(normalised(Array(path.utf8)))
    }

    static func normalised(_ path: [UInt8]) -> [UInt8] {
        var parts = path.split(separator: 0x2F, omittingEmptySubsequences: true).map(Array.init)
        while parts.first == [0x2E] && parts.count > 1 { parts.removeFirst() }
        parts.removeAll { $0 == [0x2E] }
        let joined = Array(parts.joined(separator: [0x2F]))
        // "." (or "./"): the current folder, not an empty path (which is no file at all).
        if joined.isEmpty && path.first != 0x2F && !path.isEmpty { return [0x2E] }
        return path.first == 0x2F ? [0x2F] + joined : joined
    }
}
