import PopplerShim
import TesseractShim

/// Paints table borders white before OCR. Why: Tesseract reads a border beside a cell as a letter
/// (`i1` next to a vertical rule came out as `[1`, a score cell as `|100.00`) and sometimes drops the
/// cell's text. Scanned borders are gray, blurred and skewed, so they are found in the OCR render
/// itself rather than taken from the text-layer rulings: any dark run longer than `minimumInches`
/// along a row (horizontal rule) or a column (vertical rule) is a line, since no letter stroke of
/// body text is that long, and it must be thin (light a few pixels to both sides: a shaded cell is
/// kept with its text); each run is widened by about 0.7 pt (one pixel per 100 dpi) on both sides (blurred
/// edges read as specks). The pixel work is in C (ts_erase_lines): it runs on every OCR'd page.
enum LineEraser {
    static let darkBelow: UInt8 = 160
    static let minimumInches = 0.4

    static func erase(_ b: ps_bitmap, dpi: Double) {
        guard let data = b.data else { return }
        ts_erase_lines(data, b.width, b.height, b.stride, darkBelow,
                       Int32(max(20, Int(minimumInches * dpi))), Int32(max(1, Int((dpi / 100).rounded()))))
    }
}
