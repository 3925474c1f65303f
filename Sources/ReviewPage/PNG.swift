import CZlib
import Foundation

/// A grayscale image encoded as PNG (zlib deflate), for the crops embedded in the review page.
enum PNG {
    /// `pixels`: `height` rows of `width` bytes, 0 black .. 255 white.
    static func gray(width: Int, height: Int, pixels: [UInt8]) -> Data {
        var raw = [UInt8](); raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        var size = compressBound(uLong(raw.count))
        var packed = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&packed, &size, raw, uLong(raw.count), 9)
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(be32(width)); ihdr.append(be32(height))
        ihdr.append(contentsOf: [8, 0, 0, 0, 0])  // 8-bit, grayscale, deflate, no filter, no interlace
        png.append(chunk("IHDR", ihdr))
        png.append(chunk("IDAT", Data(packed[0..<Int(size)])))
        png.append(chunk("IEND", Data()))
        return png
    }

    private static func be32(_ v: Int) -> Data {
        Data([UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }

    private static func chunk(_ type: String, _ body: Data) -> Data {
        var typed = Data(type.utf8); typed.append(body)
        let crc = typed.withUnsafeBytes { p in crc32(0, p.bindMemory(to: UInt8.self).baseAddress, uInt(typed.count)) }
        var out = be32(body.count); out.append(typed); out.append(be32(Int(crc)))
        return out
    }
}
