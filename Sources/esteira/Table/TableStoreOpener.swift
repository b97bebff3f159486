import EsteiraCore
import EsteiraTables

/// The table store of the engine on the chosen data directory (created with the default
/// pipeline if it does not exist yet).
func openTableStore(_ options: GlobalOptions) throws -> TableStore {
    try options.openEngine(create: true).tables
}
