import EsteiraCore
import EsteiraTables

/// Opens the table store in the data directory, creating the directory and database if needed.
func openTableStore(_ options: GlobalOptions) throws -> TableStore {
    let dataDirectory = options.dataDirectory
    try dataDirectory.create()
    let database = try EngineDatabase(path: dataDirectory.databaseURL.path, migrations: { TableStore.registerMigrations(in: &$0) })
    return TableStore(writer: database.writer)
}
