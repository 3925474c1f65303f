/// datapackage.json: a Frictionless Tabular Data Package (v1) describing the four CSV files, built
/// from the same `TableSchema`s as the files themselves.
struct DataPackage: Encodable {
    let profile = "tabular-data-package"
    let name = "ita-extract-dataset"
    let title = "Thai ITA (Integrity and Transparency Assessment) reports, extracted by ita-extract"
    let schemaVersion: String
    let resources: [Resource]
    /// Where data other than the PDFs' own comes from: the gazetteer behind the *_code columns.
    let sources = [Source(title: "Department of Provincial Administration (กรมการปกครอง) codes and names of provinces, districts and subdistricts, via GeoThai/data (PyPI geothai), in Mappings/gazetteer/",
                          path: "https://github.com/GeoThai/data")]
    let licenses = [License(name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/",
                            title: "Creative Commons Attribution 4.0: the gazetteer data (province_code, district_code, subdistrict_code, unit_key and names corrected from it), © Pongsakorn Thipayanate, GeoThai/data")]

    struct Source: Encodable { let title: String; let path: String }
    struct License: Encodable { let name: String; let path: String; let title: String }

    init(schemaVersion: String = Manifest.currentSchemaVersion) {
        self.schemaVersion = schemaVersion
        resources = Tables.allCSVTables.map(Resource.init)
    }

    enum CodingKeys: String, CodingKey {
        case profile, name, title, resources, sources, licenses, schemaVersion = "schema_version"
    }

    struct Resource: Encodable {
        let name: String
        let path: String
        let profile = "tabular-data-resource"
        let format = "csv"
        let mediatype = "text/csv"
        // "utf-8" also for files with a BOM: Frictionless readers detect and skip it.
        let encoding = "utf-8"
        let dialect = Dialect()
        let schema: Schema

        init(_ t: TableSchema) {
            name = t.name; path = "\(t.name).csv"; schema = Schema(t)
        }
    }

    struct Dialect: Encodable {
        let delimiter = ","
        let lineTerminator = "\n"
        let quoteChar = "\""
        let doubleQuote = true
        let skipInitialSpace = false
        let header = true
        let caseSensitiveHeader = true
        let csvddfVersion = 1.2
    }

    struct Schema: Encodable {
        let fields: [Field]
        let primaryKey: [String]
        let foreignKeys: [ForeignKey]
        let missingValues = [""]

        init(_ t: TableSchema) {
            fields = t.columns.map(Field.init)
            primaryKey = t.primaryKey
            foreignKeys = t.referencesReports
                ? [ForeignKey(fields: ["doc_id"], reference: .init(resource: "reports", fields: ["doc_id"]))] : []
        }
    }

    struct Field: Encodable {
        let name: String
        let type: String
        let description: String
        let constraints: Constraints?

        init(_ c: Column) {
            name = c.name; description = c.description
            switch c.type { case .string: type = "string"; case .integer: type = "integer"; case .decimal: type = "number" }
            constraints = (c.required || c.allowed != nil) ? Constraints(required: c.required ? true : nil, enum: c.allowed) : nil
        }
    }

    struct Constraints: Encodable {
        let required: Bool?
        let `enum`: [String]?
    }

    struct ForeignKey: Encodable {
        let fields: [String]
        let reference: Reference
        struct Reference: Encodable { let resource: String; let fields: [String] }
    }
}
