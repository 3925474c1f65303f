import Foundation

/// Pairs gold files with reports.csv rows: by file name without extension (`report.pdf` ↔
/// `report.json`), and when names collide by the longest common tail of folders (gold
/// `2566/report.json` ↔ source_path `…/2566/report.pdf`).
public enum GoldMatcher {
    /// For each gold file (same order), the reports.csv row it describes, or nil when none or no
    /// single best one does.
    public static func match(golds: [GoldFile], reports: [[String: String]]) -> [[String: String]?] {
        let runParts = reports.map { pathParts($0["source_path"] ?? "") }
        var choice: [(row: Int, score: Int)?] = golds.map { gold in
            let g = gold.relativeName.split(separator: "/").map { ValueMatching.normalise(String($0)) }
            guard let stem = g.last else { return nil }
            var best: [(Int, Int)] = []
            for (i, r) in runParts.enumerated() where r.last == stem {
                let score = commonTail(g, r)
                if best.isEmpty || score > best[0].1 { best = [(i, score)] } else if score == best[0].1 { best.append((i, score)) }
            }
            return best.count == 1 ? (best[0].0, best[0].1) : nil  // a tie is ambiguous: better no match than a wrong one
        }
        // One run row, one gold file: when two claim the same row, the closer path wins.
        for i in choice.indices {
            guard let c = choice[i] else { continue }
            for j in choice.indices where j != i {
                if let d = choice[j], d.row == c.row, d.score > c.score || (d.score == c.score && j < i) {
                    choice[i] = nil; break
                }
            }
        }
        return choice.map { $0.map { reports[$0.row] } }
    }

    /// Path components with the last one's extension dropped, NFC.
    static func pathParts(_ path: String) -> [String] {
        var parts = path.split(separator: "/").map { ValueMatching.normalise(String($0)) }
        if let last = parts.last, let dot = last.lastIndex(of: "."), dot != last.startIndex {
            parts[parts.count - 1] = String(last[..<dot])
        }
        return parts
    }

    private static func commonTail(_ a: [String], _ b: [String]) -> Int {
        var n = 0
        while n < a.count, n < b.count, a[a.count - 1 - n] == b[b.count - 1 - n] { n += 1 }
        return n
    }
}
