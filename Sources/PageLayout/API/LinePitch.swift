import ITAModel

/// A page's line pitch: the median top-to-top distance from a segment to the next one starting at
/// the same x below it, the pitch inside a cell or paragraph. Measured per column, because
/// side-by-side cells that are vertically centred interleave their lines on the page. (A
/// borderless table's wrap pitch, `RowGrouper.pitch`, is another measure: the smallest step of
/// one table's column, to cut rows, where this one is the page's typical step, to follow text.)
public enum LinePitch {
    /// One line: its box and its segments' boxes, left to right.
    public typealias Line = (box: Box, segments: [Box])

    /// The pitch of `lines` (top to bottom).
    public static func median(_ lines: [Line], _ settings: LayoutSettings) -> Double {
        measured(lines, settings) ?? settings.pitchFallbackHeight * textSize(lines, settings)
    }

    /// The pitch of `lines` as measured, nil when no line has a segment below it to measure from.
    public static func measured(_ lines: [Line], _ settings: LayoutSettings) -> Double? {
        let h = textSize(lines, settings)
        var diffs: [Double] = []
        for (k, line) in lines.enumerated() {
            for seg in line.segments {
                var m = k + 1
                while m < lines.count, lines[m].box.y0 - seg.y0 < settings.pitchSearchHeight * h {
                    if let below = lines[m].segments.first(where: { abs($0.x0 - seg.x0) < settings.pitchSameXTolerance }),
                       below.y0 - seg.y0 > settings.pitchMinStepHeight * h {
                        diffs.append(below.y0 - seg.y0)
                        break
                    }
                    m += 1
                }
            }
        }
        guard !diffs.isEmpty else { return nil }
        diffs.sort()
        return diffs[diffs.count / 2]
    }

    /// The median height of the lines' segments.
    private static func textSize(_ lines: [Line], _ settings: LayoutSettings) -> Double {
        let heights = lines.flatMap { $0.segments.map(\.height) }.filter { $0 > 0 }.sorted()
        return heights.isEmpty ? settings.pitchDefaultTextSize : heights[heights.count / 2]
    }
}
