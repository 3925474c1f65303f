import Foundation

/// manifest.json's "options": every setting a run's records depend on, so that `merge` can refuse
/// runs that do not belong together. Not the output folder, cache folder or `--jobs`, which change
/// no byte of the dataset.
enum RunSettings {
    /// The key that says which shard a run was; dropped from a merged dataset's manifest.
    static let shardKey = "shard"

    static func manifestOptions(bom: Bool, key: CacheKey, shard: Shard?) -> [String: String] {
        var o = ["bom": bom ? "true" : "false", "ocr": key.ocr, "build": key.build, "settings": key.settings,
                 "cache_key": key.digest]
        if let shard { o[shardKey] = shard.description }
        return o
    }
}
