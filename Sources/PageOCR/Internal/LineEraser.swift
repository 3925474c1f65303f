import PopplerShim
import TesseractShim

/// Paints table borders white before OCR, and hands them to layout as the scan's rulings. Why
/// erase: Tesseract reads a border beside a cell as a letter (`i1` next to a vertical rule came out
/// as `[1`, a score cell as `|100.00`) and sometimes drops the cell's text. Scanned borders are gray,
/// blurred and skewed, so they are found in the OCR render itself: dark runs along a row (horizontal
/// rule) or a column (vertical rule) that are thin (light a few pixels to both sides: a shaded cell
/// is kept with its text), joined into lines of at least `minimumInches`, since no letter stroke of
/// body text is that long; each run is widened by about 0.7 pt (one pixel per 100 dpi) on both sides
/// (blurred edges read as specks). The pixel work is in C (ts_thin_runs, ts_erase_runs).
enum LineEraser {
    /// Grey level below which a pixel is ink for erasing. Erasing at a lighter level took the grey
    /// edges of letters standing next to a border with it (at 190, `1. กระบวนการ` beside a cell's
    /// left border came out `1ตระปบาบการ`, Corpus/scanned/g04-...-scan page 3).
    static let darkBelow: UInt8 = 160
    /// Grey level below which a pixel is ink for finding borders (not erased): a 0.5 pt border scanned
    /// at 150 dpi as grey JPEG comes out 160-190 grey in places (at 160, Corpus/scanned/s002-obt-scan
    /// page 19 lost two of its five horizontal borders); paper is lighter, and a photocopy's grey band
    /// fails the thinness test rather than making lines.
    static let borderDarkBelow: UInt8 = 190
    static let minimumInches = 0.4
    /// A skewed border is a staircase of row (or column) runs, one step per pixel it drifts: a one-to-
    /// two-pixel grey border at 0.6 degrees breaks into runs of half an inch or less (s002-obt-scan at
    /// 200 dpi: most under `minimumInches`, so most of it was neither erased nor seen). Runs this long
    /// are collected and joined (`RasterRulings`): longer than a Thai letter's stroke at body sizes
    /// (0.1 in).
    static let pieceInches = 0.15
    /// Beside a run (a few pixels above and below a row run, left and right of a column run), at
    /// most this many thousandths may be dark. A border has paper beside it, crossed only by the
    /// other borders; the baseline of a line of Thai letters (บ ว น ร sit on flat bottoms that a grey
    /// render can join into long runs) has the letters' stems above it.
    static let maxDarkBesidePermille = 150

    /// Erases the page's borders and returns them as lines (pixels), found at `borderDarkBelow`; none
    /// when memory ran out for the runs.
    @discardableResult
    static func erase(_ b: ps_bitmap, dpi: Double) -> [RasterRulings.Line] {
        guard b.data != nil else { return [] }
        let pad = Int32(max(1, Int((dpi / 100).rounded())))
        // Both on the page as rendered, before anything is erased.
        let borders = RasterRulings.join(runs(b, dpi: dpi, darkBelow: borderDarkBelow, pad: pad), dpi: dpi).map(\.line)
        let erased = RasterRulings.join(runs(b, dpi: dpi, darkBelow: darkBelow, pad: pad), dpi: dpi).flatMap(\.runs)
            .map { ts_run(horizontal: $0.horizontal ? 1 : 0, at: Int32($0.at), from: Int32($0.from), to: Int32($0.to)) }
        erased.withUnsafeBufferPointer { ts_erase_runs(b.data, b.width, b.height, b.stride, $0.baseAddress, $0.count, pad) }
        return borders
    }

    /// The thin runs of the page at `darkBelow` (empty when memory ran out).
    private static func runs(_ b: ps_bitmap, dpi: Double, darkBelow: UInt8, pad: Int32) -> [RasterRulings.Run] {
        var found: UnsafeMutablePointer<ts_run>?
        var count = 0
        let failed = ts_thin_runs(b.data, b.width, b.height, b.stride, darkBelow, Int32(max(8, Int(pieceInches * dpi))), pad,
                                  Int32(maxDarkBesidePermille), &found, &count)
        defer { ts_runs_free(found) }
        guard failed == 0, let found else { return [] }
        return UnsafeBufferPointer(start: found, count: count).map {
            RasterRulings.Run(horizontal: $0.horizontal != 0, at: Int($0.at), from: Int($0.from), to: Int($0.to))
        }
    }
}
