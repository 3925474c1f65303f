import Foundation

/// A question catalogue built from runs by `CatalogueBuilder`, with the evidence for it.
public struct CatalogueResult: Sendable, Equatable {
    /// One code seen for the year.
    public struct Row: Sendable, Equatable {
        public var code: String
        public var tool: String
        /// The inferred indicator; nil when no split of the tool's codes was supported well enough.
        public var indicator: Int?
        /// Documents that print the code for the year.
        public var documents: Int
        /// The most-printed question text.
        public var name: String
        /// How many different texts were printed for the code.
        public var textVariants: Int
    }

    /// One block of consecutive codes assigned to an indicator, and how many documents agree.
    public struct Block: Sendable, Equatable {
        public var indicator: Int?
        public var codes: [String]
        /// Documents printing the indicator and every code of the block.
        public var evaluable: Int
        /// Of those, documents whose indicator is the block's mean within the tolerance.
        public var agree: Int
        /// Whether enough documents agree for the codes to be given this indicator.
        public var accepted: Bool
    }

    /// The split chosen for one tool.
    public struct ToolSplit: Sendable, Equatable {
        public var tool: String
        public var blocks: [Block]
    }

    public var year: Int
    /// Documents with question scores for the year.
    public var documents: Int
    public var rows: [Row]
    public var splits: [ToolSplit]
    public var tolerance: Double

    /// The catalogue as a questions-YYYY.tsv file (rows without an indicator leave it empty, so
    /// the interpreter skips them until a person fills it in).
    public func tsv() -> String {
        var out = "code\ttool\tindicator\tsubindicator\tname\n"
        for r in rows {
            out += "\(r.code)\t\(r.tool)\t\(r.indicator.map(String.init) ?? "")\t\t\(r.name.replacingOccurrences(of: "\t", with: " "))\n"
        }
        return out
    }

    /// A plain-text account: the splits with their agreement, then every code.
    public func text() -> String {
        var out = "Question catalogue for \(year) from \(documents) document\(documents == 1 ? "" : "s") with question scores for that year\n"
        out += String(format: "(an indicator is given to a block of consecutive codes when at least its share of documents agree within %.2f points)\n", tolerance)
        for s in splits {
            out += "\n\(s.tool):\n"
            for b in s.blocks {
                let range = b.codes.count == 1 ? b.codes[0] : "\(b.codes.first!)-\(b.codes.last!)"
                let ind = b.indicator.map { "indicator \($0)" } ?? "no indicator"
                out += "  \(range) (\(b.codes.count) codes) -> \(ind): \(b.agree) of \(b.evaluable) documents agree\(b.accepted ? "" : " (not given)")\n"
            }
        }
        out += "\ncode\ttool\tindicator\tdocuments\ttexts\tname\n"
        for r in rows {
            out += "\(r.code)\t\(r.tool)\t\(r.indicator.map(String.init) ?? "-")\t\(r.documents)\t\(r.textVariants)\t\(r.name)\n"
        }
        return out
    }
}

/// A catalogue file checked against runs.
public struct CatalogueCheck: Sendable, Equatable {
    /// An indicator given by the file that the runs' numbers put elsewhere.
    public struct Disagreement: Sendable, Equatable { public var code: String; public var listed: Int; public var inferred: Int }
    /// How many documents agree that an indicator is the mean of the file's codes for it.
    public struct Agreement: Sendable, Equatable {
        public var indicator: Int; public var tool: String; public var codes: Int; public var evaluable: Int; public var agree: Int
    }

    public var year: Int
    public var documents: Int
    /// Rows in the file.
    public var listed: Int
    /// Codes the runs read for the year.
    public var seen: Int
    /// Codes read but not in the file.
    public var unlisted: [String] = []
    /// Codes in the file never read.
    public var unseen: [String] = []
    public var indicatorDisagreements: [Disagreement] = []
    public var toolDisagreements: [String] = []
    public var indicatorAgreement: [Agreement] = []

    /// Whether the file and the runs agree on every point that the runs can test.
    public var consistent: Bool {
        unlisted.isEmpty && indicatorDisagreements.isEmpty && toolDisagreements.isEmpty
    }

    /// A plain-text account of the check.
    public func text() -> String {
        var out = "Catalogue check for \(year): \(listed) codes listed, \(seen) read in \(documents) document\(documents == 1 ? "" : "s")\n"
        if listed == 0 { out += "The catalogue lists no codes: build one with `ita-extract catalogue RUN --year \(year) --out FILE`.\n" }
        out += "Read but not listed: \(unlisted.isEmpty ? "none" : unlisted.joined(separator: " "))\n"
        out += "Listed but never read: \(unseen.isEmpty ? "none" : unseen.joined(separator: " "))\n"
        out += "Tool disagreements: \(toolDisagreements.isEmpty ? "none" : toolDisagreements.joined(separator: " "))\n"
        if indicatorDisagreements.isEmpty {
            out += "Indicator disagreements: none\n"
        } else {
            out += "Indicator disagreements (code: listed -> the numbers say):\n"
            for d in indicatorDisagreements { out += "  \(d.code): \(d.listed) -> \(d.inferred)\n" }
        }
        out += "Indicator = mean of its listed questions:\n"
        for a in indicatorAgreement {
            out += "  indicator \(a.indicator) (\(a.tool), \(a.codes) codes): \(a.agree) of \(a.evaluable) documents agree\n"
        }
        out += consistent ? "Consistent with the runs.\n" : "NOT consistent with the runs.\n"
        return out
    }
}
