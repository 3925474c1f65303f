import Foundation

/// Writes small, valid PDFs by hand (exact xref offsets) so geometry tests know what was drawn.
enum MiniPDF {
    struct Page {
        var width = 612.0, height = 792.0
        /// Content stream; font /F1 is Helvetica, image /Im1 is `image` when set.
        var content: String
        var rotate = 0
        /// A grayscale image (width, height, one byte per pixel).
        var image: (width: Int, height: Int, pixels: [UInt8])? = nil
        /// The page's /Font dictionary instead of `<< /F1 {0} >>`: `{0}` is a reference to the
        /// `fontName` font, `{1}`, `{2}`... to the `extraFonts` in order.
        var fontDictionary: String? = nil
    }

    /// `fontName` is the BaseFont of /F1 (a standard font unless it names one poppler must substitute);
    /// `extraFonts` are more standard fonts, each its own object, for pages' `fontDictionary`.
    static func build(_ pages: [Page], fontName: String = "Helvetica", extraFonts: [String] = []) -> Data {
        var objects: [Data] = []  // object n is objects[n-1]
        func add(_ d: Data) -> Int { objects.append(d); return objects.count }
        func text(_ s: String) -> Data { Data(s.utf8) }
        let catalog = add(Data()), tree = add(Data())
        let fonts = ([fontName] + extraFonts).map { add(text("<< /Type /Font /Subtype /Type1 /BaseFont /\($0) /Encoding /WinAnsiEncoding >>")) }
        var kids: [Int] = []
        for page in pages {
            var fontDictionary = page.fontDictionary ?? "<< /F1 {0} >>"
            for (i, font) in fonts.enumerated() { fontDictionary = fontDictionary.replacingOccurrences(of: "{\(i)}", with: "\(font) 0 R") }
            var resources = "/Font \(fontDictionary)"
            if let img = page.image {
                var d = text("<< /Type /XObject /Subtype /Image /Width \(img.width) /Height \(img.height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(img.pixels.count) >>\nstream\n")
                d.append(contentsOf: img.pixels); d.append(text("\nendstream"))
                resources += " /XObject << /Im1 \(add(d)) 0 R >>"
            }
            let body = text(page.content)
            var stream = text("<< /Length \(body.count) >>\nstream\n"); stream.append(body); stream.append(text("\nendstream"))
            let contents = add(stream)
            kids.append(add(text("<< /Type /Page /Parent \(tree) 0 R /MediaBox [0 0 \(page.width) \(page.height)] /Rotate \(page.rotate) /Resources << \(resources) >> /Contents \(contents) 0 R >>")))
        }
        objects[catalog - 1] = text("<< /Type /Catalog /Pages \(tree) 0 R >>")
        objects[tree - 1] = text("<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        var out = text("%PDF-1.4\n")
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.count)
            out.append(text("\(i + 1) 0 obj\n")); out.append(o); out.append(text("\nendobj\n"))
        }
        let xref = out.count
        out.append(text("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"))
        for off in offsets { out.append(text(String(format: "%010d 00000 n \n", off))) }
        out.append(text("trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"))
        return out
    }
}
