import Foundation
import ITAModel
import PageLayout

extension PageFurnitureWords {
    /// The checkout's Mappings/layout/page-furniture.json, as a run loads it (a broken file fails
    /// the test that asks, with the MappingsError).
    static func checkedIn(_ filePath: String = #filePath) throws -> PageFurnitureWords {
        try PageFurnitureWords(mappings: MappingsDirectory.forSourceFile(filePath)!)
    }
}
