import Foundation
import PopplerShim

/// Renders a document's pages through poppler (once per page) and cuts out the region around a
/// value's box, as a PNG with the box's position inside it.
final class PageCropper {
    /// Render resolution: enough to read Thai marks in a crop, small enough to embed hundreds of crops.
    static let dpi = 110.0
    /// Context around a box, in points: a line above and below, some words either side.
    static let marginX = 70.0, marginY = 22.0

    struct Crop {
        let png: Data
        let width: Int, height: Int
        /// The value's box inside the crop, in pixels.
        let x: Double, y: Double, w: Double, h: Double
    }

    private let doc: OpaquePointer?
    private var pages: [Int: (width: Int, height: Int, pixels: [UInt8])] = [:]

    /// Nil when the PDF cannot be opened.
    init?(path: String) {
        var code: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        guard let d = ps_document_open(path, &code, &message, message.count) else { return nil }
        doc = d
    }

    deinit { if let doc { ps_document_close(doc) } }

    /// The crop around `box` (points, top-left origin) on 1-based `page`; nil when the page cannot be rendered.
    func crop(page: Int, x0: Double, y0: Double, x1: Double, y1: Double) -> Crop? {
        guard let p = render(page) else { return nil }
        let s = PageCropper.dpi / 72
        let left = max(0, Int(((x0 - PageCropper.marginX) * s).rounded(.down)))
        let top = max(0, Int(((y0 - PageCropper.marginY) * s).rounded(.down)))
        let right = min(p.width, Int(((x1 + PageCropper.marginX) * s).rounded(.up)))
        let bottom = min(p.height, Int(((y1 + PageCropper.marginY) * s).rounded(.up)))
        guard right > left, bottom > top else { return nil }
        var pixels = [UInt8](); pixels.reserveCapacity((right - left) * (bottom - top))
        for y in top..<bottom { pixels.append(contentsOf: p.pixels[(y * p.width + left)..<(y * p.width + right)]) }
        return Crop(png: PNG.gray(width: right - left, height: bottom - top, pixels: pixels),
                    width: right - left, height: bottom - top,
                    x: x0 * s - Double(left), y: y0 * s - Double(top), w: (x1 - x0) * s, h: (y1 - y0) * s)
    }

    private func render(_ page: Int) -> (width: Int, height: Int, pixels: [UInt8])? {
        if let p = pages[page] { return p }
        guard let doc, let b = ps_page_render_gray(doc, Int32(page - 1), PageCropper.dpi) else { return nil }
        defer { ps_bitmap_free(b) }
        let bm = b.pointee
        var pixels = [UInt8](); pixels.reserveCapacity(Int(bm.width * bm.height))
        for y in 0..<Int(bm.height) {
            let row = UnsafeBufferPointer(start: bm.data + y * Int(bm.stride), count: Int(bm.width))
            pixels.append(contentsOf: row)
        }
        let p = (Int(bm.width), Int(bm.height), pixels)
        pages[page] = p
        return p
    }
}
