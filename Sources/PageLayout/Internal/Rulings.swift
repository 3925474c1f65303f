import ITAModel

/// A page's drawn ruling lines, split into horizontal and vertical ones.
struct Rulings {
    /// The settings the lines were classified with, for `verticalBetween`.
    var settings: LayoutSettings

    /// Horizontal lines: y is the centre, x0...x1 the extent.
    struct HLine { var y: Double; var x0: Double; var x1: Double }
    /// Vertical lines: x is the centre, y0...y1 the extent.
    struct VLine { var x: Double; var y0: Double; var y1: Double }

    var horizontal: [HLine] = []
    var vertical: [VLine] = []

    /// Classifies thin boxes by their aspect; filled rectangles (neither thin way) are dropped as shading.
    init(_ boxes: [Box], _ settings: LayoutSettings) {
        self.settings = settings
        let aspect = settings.rulingMinAspect, thick = settings.rulingMaxThickness, long = settings.rulingMinLength
        for b in boxes {
            let w = b.width, h = b.height
            if w >= aspect * h && h <= thick && w >= long {
                horizontal.append(HLine(y: b.midY, x0: b.x0, x1: b.x1))
            } else if h >= aspect * w && w <= thick && h >= long {
                vertical.append(VLine(x: b.midX, y0: b.y0, y1: b.y1))
            }
        }
        horizontal.sort { ($0.y, $0.x0) < ($1.y, $1.x0) }
        vertical.sort { ($0.x, $0.y0) < ($1.x, $1.y0) }
    }

    /// True when a vertical line crosses the band y0...y1 (most of it) between x = a and x = b.
    func verticalBetween(_ a: Double, _ b: Double, y0: Double, y1: Double) -> Bool {
        let need = settings.segmentRulingCoverage * (y1 - y0)
        let slack = settings.segmentRulingSlack
        for v in vertical where v.x > a - slack && v.x < b + slack {
            if min(v.y1, y1) - max(v.y0, y0) >= need { return true }
        }
        return false
    }
}
