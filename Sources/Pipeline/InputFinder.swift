import Foundation

/// Turns the command line's PATH arguments into the list of PDF files to read.
public enum InputFinder {
    /// A PATH that could not be used (missing, unreadable): reported, never silently skipped.
    public struct Problem: Error, Sendable, Equatable {
        public var path: String
        public var message: String
    }

    /// Every PDF named by `paths`: a file is taken as it is (whatever its extension, so a mis-named
    /// file still gets a clear error); a folder is searched recursively for `*.pdf` in any case.
    /// Paths keep the form given (relative stays relative). Sorted by path, duplicates removed.
    public static func find(_ paths: [String]) -> (files: [String], problems: [Problem]) {
        let fm = FileManager.default
        var files = Set<String>()
        var problems: [Problem] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(Problem(path: path, message: "no such file or folder"))
                continue
            }
            if !isDir.boolValue { files.insert(normalised(path)); continue }
            guard let walker = fm.enumerator(atPath: path) else {
                problems.append(Problem(path: path, message: "folder cannot be read"))
                continue
            }
            while let rel = walker.nextObject() as? String {
                // Hidden files and folders (".parts/", ".~lock") are tools' scratch, not inputs.
                if (rel as NSString).lastPathComponent.hasPrefix(".") { walker.skipDescendants(); continue }
                guard rel.lowercased().hasSuffix(".pdf") else { continue }
                let full = (path as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
                    files.insert(normalised(full))
                }
            }
        }
        // Byte order of the UTF-8 path: the same on every machine and locale.
        let sorted = files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return (sorted, problems)
    }

    /// "./a/b.pdf" and "a//b.pdf" both become "a/b.pdf", so one file is one source_path.
    static func normalised(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        while parts.first == "." && parts.count > 1 { parts.removeFirst() }
        parts.removeAll { $0 == "." }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
