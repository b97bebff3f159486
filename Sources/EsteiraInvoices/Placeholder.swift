enum EsteiraInvoicesPlaceholder {}
