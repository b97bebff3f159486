enum EsteiraTablesPlaceholder {}
