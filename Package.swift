// swift-tools-version: 6.0
// ITAExtract: Thai ITA report PDFs in, a research dataset out.
// Five stages, five library targets: PDFExtract → PageLayout → ThaiNormalise → ReportInterpret → DatasetWrite.
import PackageDescription

// Swift 5 language mode: the stages are pure value pipelines run from a task group, and strict
// Sendable checking over the C shims adds noise without catching anything real here.
let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "ITAExtract",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ita-extract", targets: ["ita-extract"]),
        .library(name: "ITAExtractKit", targets: ["Pipeline", "QualityTools"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // System libraries, found through pkg-config (Debian: libpoppler-glib-dev, libicu-dev).
        .systemLibrary(name: "CPopplerGlib", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n",
                       providers: [.apt(["libicu-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CTesseract",
                       providers: [.apt(["libtesseract-dev", "tesseract-ocr-tha"])]),
        // C shims: poppler-cpp for text and glyph boxes (glib drops Thai tone marks, see README),
        // and ICU behind a header free of ICU types (Foundation carries its own ICU).
        // libpoppler itself (Debian libpoppler-private-dev headers): poppler's SplashOutputDev for the
        // text-free page render that finds ruling lines (Sources/PopplerShim/page_paths_render.cpp).
        // FreeType and fontconfig (libfreetype-dev, libfontconfig-dev): glyph outlines of fonts without a
        // ToUnicode map matched against the installed font (glyph_outlines.cpp).
        .target(name: "PopplerShim", dependencies: ["CPopplerGlib"],
                linkerSettings: [.linkedLibrary("poppler-cpp"), .linkedLibrary("poppler"),
                                 .linkedLibrary("freetype"), .linkedLibrary("fontconfig")]),
        .target(name: "ICUShim", dependencies: ["CICU"]),
        .target(name: "TesseractShim", dependencies: ["CTesseract"], linkerSettings: [.linkedLibrary("dl")]),

        .target(name: "ITAModel", swiftSettings: v5),
        .target(name: "PDFExtract", dependencies: ["PopplerShim", "ITAModel"], swiftSettings: v5),
        .target(name: "PageOCR", dependencies: ["PopplerShim", "TesseractShim", "PDFExtract", "ThaiCharacters", "ITAModel"], swiftSettings: v5),
        // The Thai character classes, one definition shared by layout (marks belong to their base)
        // and normalise, so that layout needs nothing of the normaliser.
        .target(name: "ThaiCharacters", swiftSettings: v5),
        .target(name: "PageLayout", dependencies: ["PDFExtract", "ThaiCharacters", "ITAModel"], swiftSettings: v5),
        // The normalise stage runs on the layout's text units (see Sources/README.md, step 3).
        .target(name: "ThaiNormalise", dependencies: ["ICUShim", "ThaiCharacters", "PageLayout", "ITAModel"], swiftSettings: v5),
        .target(name: "ReportInterpret", dependencies: ["PageLayout", "ThaiNormalise", "ThaiCharacters", "ITAModel"], swiftSettings: v5),
        .target(name: "UnitIdentity", dependencies: ["ITAModel"], swiftSettings: v5),
        .target(name: "DatasetWrite", dependencies: [
            "ITAModel", "CXLSXWriter",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: v5),
        .target(name: "Pipeline", dependencies: [
            "PDFExtract", "PageOCR", "ThaiNormalise", "ThaiCharacters", "PageLayout", "ReportInterpret", "UnitIdentity", "DatasetWrite", "ITAModel",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: v5),
        .target(name: "QualityTools", dependencies: [
            "ITAModel", "ThaiCharacters", "DatasetWrite", .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: v5),
        .target(name: "ReviewPage", dependencies: [
            "ITAModel", "PopplerShim", "CZlib", .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: v5),
        .executableTarget(name: "ita-extract", dependencies: [
            "Pipeline", "QualityTools", "ReviewPage", "PageLayout", "PageOCR", "PDFExtract", "ThaiNormalise", "DatasetWrite", "UnitIdentity",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: v5,
        // A GNU build ID (the linker's SHA-1 of the binary) names the build in the cache key
        // (Pipeline's BuildIdentity) without hashing the 46 MB file on every run.
        linkerSettings: [.unsafeFlags(["-Xlinker", "--build-id=sha1"], .when(platforms: [.linux]))]),

        .testTarget(name: "PDFExtractTests", dependencies: ["PDFExtract", "ThaiNormalise"], swiftSettings: v5),
        .testTarget(name: "PageOCRTests", dependencies: ["PageOCR", "PDFExtract", "ThaiNormalise", "PopplerShim", "PageLayout"], swiftSettings: v5),
        .testTarget(name: "ThaiNormaliseTests", dependencies: [
            "ThaiNormalise", .product(name: "PropertyBased", package: "swift-property-based"),
        ], swiftSettings: v5),
        .testTarget(name: "PageLayoutTests", dependencies: ["PageLayout", "ThaiCharacters"], swiftSettings: v5),
        .testTarget(name: "ReportInterpretTests", dependencies: ["ReportInterpret"], swiftSettings: v5),
        .testTarget(name: "ReviewPageTests", dependencies: ["ReviewPage"], swiftSettings: v5),
        .testTarget(name: "UnitIdentityTests", dependencies: ["UnitIdentity"], swiftSettings: v5),
        .testTarget(name: "DatasetWriteTests", dependencies: ["DatasetWrite"], swiftSettings: v5),
        .testTarget(name: "QualityToolsTests", dependencies: ["QualityTools"], swiftSettings: v5),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "QualityTools"], swiftSettings: v5),
    ]
)
