import Foundation
import ITAModel
import ThaiCharacters
import ThaiNormalise

/// Finds the report's own unit (name with its type prefix, abbreviations expanded), district and
/// province: every mention is a candidate, the most frequent wins, and a report naming itself in
/// two districts gets a warning with both names.
enum UnitFinder {
    struct Found<T> { var value: T; var block: Int; var pos: Int }

    struct Unit {
        var name: String
        var type: String
        /// The name cut at whitespace only (no stop words): a unit whose own name contains a stop
        /// word ("...ที่...") is printed so every time.
        var uncut: String
    }

    /// Thai letters and marks (a name is a run of them).
    static func isThai(_ u: Unicode.Scalar) -> Bool { ThaiScript.isThaiWordScalar(u.value) }

    /// The run of Thai text starting at `pos` (optionally after one space), cut at the first stop word.
    static func nameRun(_ kt: KeyedText, from pos: Int, skipSpace: Bool, stops: [String]) -> String {
        var i = pos
        if skipSpace, i < kt.scalars.count, KeyedText.isSpace(kt.scalars[i]) { i += 1 }
        var j = i
        while j < kt.scalars.count, isThai(kt.scalars[j]) { j += 1 }
        var run = kt.text(i..<j)
        var cut = run.endIndex
        for stop in stops {
            var from = run.startIndex
            while let r = run.range(of: stop, range: from..<run.endIndex) {
                if r.lowerBound < cut { cut = r.lowerBound }
                from = r.upperBound
                break
            }
        }
        run = String(run[..<cut])
        return run
    }

    /// All unit mentions: (full name, type) per occurrence.
    static func unitMentions(_ blocks: [TextBlock], _ v: ITAVocabulary) -> [Found<Unit>] {
        var out: [Found<Unit>] = []
        // Longest prefixes first so "องค์การบริหารส่วนตำบล" is not read as a shorter one.
        var prefixes: [(String, String)] = []
        for t in v.unitTypes.types { for p in t.prefixes { prefixes.append((p, t.type)) } }
        prefixes.sort { $0.0.count > $1.0.count }
        let prefixKeys = prefixes.map { KeyedText.phraseKey($0.0) }
        for (b, block) in blocks.enumerated() {
            var taken: [Range<Int>] = []
            for (k, (prefix, type)) in prefixes.enumerated() {
                for r in block.keyed.occurrences(ofKey: prefixKeys[k]) where !taken.contains(where: { $0.overlaps(r) }) {
                    let isAbbrev = prefix.hasSuffix(".")
                    // An abbreviation must not be the tail of a longer word.
                    if isAbbrev, r.lowerBound > 0, isThai(block.keyed.scalars[r.lowerBound - 1]) { continue }
                    let name = nameRun(block.keyed, from: r.upperBound, skipSpace: isAbbrev, stops: v.unitTypes.nameStops)
                    let uncut = nameRun(block.keyed, from: r.upperBound, skipSpace: isAbbrev, stops: [])
                    taken.append(r)
                    guard name.unicodeScalars.filter({ !ThaiMark.isCombining($0) }).count >= 2,
                          !v.unitTypes.genericNames.contains(where: { name.hasPrefix($0) }) else { continue }
                    out.append(Found(value: Unit(name: type + name, type: type, uncut: type + uncut), block: b, pos: r.lowerBound))
                }
            }
            for w in v.unitTypes.whole {
                for r in block.keyed.occurrences(of: w.name) {
                    out.append(Found(value: Unit(name: w.name, type: w.type, uncut: w.name), block: b, pos: r.lowerBound))
                }
            }
        }
        return out
    }

    /// Folds a value cut short by a line end or a stop word into the longer value it starts
    /// ("เมือง" into "เมืองเพชรบูรณ์"), so one place is not counted as two.
    static func foldPrefixes(_ items: [Found<String>]) -> [Found<String>] {
        let values = Set(items.map(\.value))
        return items.map { f in
            let longer = values.filter { $0 != f.value && $0.hasPrefix(f.value) }
            guard longer.count == 1, let l = longer.first else { return f }
            var g = f; g.value = l; return g
        }
    }

    /// The unit name: the most frequent stop-cut name, or the longer uncut spelling it starts
    /// when that is printed at least half as often (the stop word was part of the name).
    static func bestUnit(_ items: [Found<Unit>]) -> Found<Unit>? {
        guard let (best, counts) = mostFrequent(items, key: { $0.name }) else { return nil }
        var uncutCount: [String: Int] = [:]
        for f in items { uncutCount[f.value.uncut, default: 0] += 1 }
        let n = counts[best.value.name] ?? 0
        let longer = uncutCount.filter { $0.key != best.value.name && $0.key.hasPrefix(best.value.name) && 2 * $0.value >= n && $0.value >= 2 }
        guard let pick = longer.max(by: { ($0.value, $1.key.count) < ($1.value, $0.key.count) }) else { return best }
        var g = best
        g.value.name = pick.key
        if let at = items.first(where: { $0.value.uncut == pick.key }) { g.block = at.block; g.pos = at.pos }
        return g
    }

    /// The most frequent value; ties go to the earliest mention.
    static func mostFrequent<T>(_ items: [Found<T>], key: (T) -> String) -> (Found<T>, [String: Int])? {
        var count: [String: Int] = [:]
        var first: [String: Found<T>] = [:]
        var order: [String] = []
        for f in items {
            let k = key(f.value)
            count[k, default: 0] += 1
            if first[k] == nil { first[k] = f; order.append(k) }
        }
        guard let best = order.max(by: { count[$0]! < count[$1]! || (count[$0]! == count[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) })
        else { return nil }
        return (first[best]!, count)
    }

    /// Province mentions ("จังหวัดX", "จ.X"), kept only when X is a province of the gazetteer
    /// (when one is loaded).
    static func provinceMentions(_ blocks: [TextBlock], _ v: ITAVocabulary) -> [Found<String>] {
        let cues = v.cues
        var out: [Found<String>] = []
        // Each key's length counted once, not in every comparison of the sort (Characters of Thai
        // text are counted by grapheme breaking: the sort was 0.5% of a run's CPU).
        let gazetteer = v.provinces.map { p -> (String, String, Int) in let k = KeyedText.keyString(p); return (p, k, k.count) }
            .sorted { $0.2 > $1.2 }.map { ($0.0, $0.1) }
        let prefixKeys = cues.provincePrefixes.map(KeyedText.phraseKey)
        for (b, block) in blocks.enumerated() {
            for (prefix, prefixKey) in zip(cues.provincePrefixes, prefixKeys) {
                for r in block.keyed.occurrences(ofKey: prefixKey) {
                    if prefix.hasSuffix("."), r.lowerBound > 0, isThai(block.keyed.scalars[r.lowerBound - 1]) { continue }
                    let run = nameRun(block.keyed, from: r.upperBound, skipSpace: true, stops: [])
                    let runKey = KeyedText.keyString(run)
                    if gazetteer.isEmpty {
                        if run.count >= 2 { out.append(Found(value: run, block: b, pos: r.lowerBound)) }
                    } else if let p = gazetteer.first(where: { runKey.hasPrefix($0.1) }) {
                        out.append(Found(value: p.0, block: b, pos: r.lowerBound))
                    }
                }
            }
        }
        return out
    }

    /// The province name that completes a capital district's name `name` printed at the end of a
    /// line of `block` (its run from `start` reaches that line's end): the next line's first name
    /// run, when it is a province of provinces.txt; nil otherwise.
    static func capitalDistrictRest(_ block: TextBlock, after start: Int, _ name: String, _ v: ITAVocabulary, _ stops: [String]) -> String? {
        let kt = block.keyed
        var end = start
        if end < kt.scalars.count, KeyedText.isSpace(kt.scalars[end]) { end += 1 }
        end += name.unicodeScalars.count
        // Lines are joined with one space: the next line starts right after it.
        guard block.lineStarts.contains(end + 1), end < kt.scalars.count, KeyedText.isSpace(kt.scalars[end]) else { return nil }
        let rest = nameRun(kt, from: end + 1, skipSpace: false, stops: stops)
        return v.provinces.contains(rest) ? rest : nil
    }

    /// District mentions ("อำเภอX", "อ.X", "เขตX") in blocks that are address-like: the block also
    /// names a province or the unit, or sits on the first page (the cover).
    static func districtMentions(_ blocks: [TextBlock], _ v: ITAVocabulary, unitName: String?) -> [Found<String>] {
        let cues = v.cues
        var out: [Found<String>] = []
        let stops = cues.provincePrefixes + v.unitTypes.nameStops
        let firstPage = blocks.map(\.page).min() ?? 1
        // Cue keys made once, not per block.
        let provinceKeys = cues.provincePrefixes.map(KeyedText.phraseKey)
        let unitKey = unitName.map(KeyedText.phraseKey)
        let districtPrefixes = cues.districtPrefixes.sorted(by: { $0.count > $1.count })
        let districtKeys = districtPrefixes.map(KeyedText.phraseKey)
        for (b, block) in blocks.enumerated() {
            let addressLike = block.page == firstPage
                || provinceKeys.contains(where: { !block.keyed.keyOccurrences($0).isEmpty })
                || (unitKey.map { !block.keyed.keyOccurrences($0).isEmpty } ?? false)
            guard addressLike else { continue }
            var taken: [Range<Int>] = []
            for (prefix, prefixKey) in zip(districtPrefixes, districtKeys) {
                for r in block.keyed.occurrences(ofKey: prefixKey) where !taken.contains(where: { $0.overlaps(r) }) {
                    if r.lowerBound > 0, isThai(block.keyed.scalars[r.lowerBound - 1]) { continue }
                    var name = nameRun(block.keyed, from: r.upperBound, skipSpace: prefix.hasSuffix("."), stops: stops)
                    taken.append(r)
                    // A capital district wrapped after its first word (`อำเภอเมือง` / `นครราชสีมา จังหวัด...`,
                    // fresh tune seed 402): the rest is the province's name, at the start of the next line.
                    if name == cues.capitalDistrictWord, let rest = capitalDistrictRest(block, after: r.upperBound, name, v, stops) {
                        name += rest
                    }
                    guard name.unicodeScalars.filter({ !ThaiMark.isCombining($0) }).count >= 2 else { continue }
                    out.append(Found(value: name, block: b, pos: r.lowerBound))
                }
            }
        }
        return out
    }
}
