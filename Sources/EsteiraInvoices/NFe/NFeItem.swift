import Foundation

/// One line of a nota (`det`), with amounts as exact decimals.
public struct NFeItem: Sendable, Hashable {
    /// @nItem: the line number, from 1.
    public var number: Int
    /// prod/cProd: the emitente's product code.
    public var productCode: String
    /// prod/xProd: the description.
    public var description: String
    /// prod/NCM: the Mercosur classification code.
    public var ncm: String
    /// prod/CFOP: the fiscal operation code.
    public var cfop: String
    /// prod/uCom: the commercial unit.
    public var unit: String
    /// prod/qCom: the quantity in that unit.
    public var quantity: Decimal
    /// prod/vUnCom: the unit price.
    public var unitPrice: Decimal
    /// prod/vProd: the line's gross amount.
    public var total: Decimal

    /// Creates an item.
    public init(
        number: Int, productCode: String, description: String, ncm: String, cfop: String, unit: String,
        quantity: Decimal, unitPrice: Decimal, total: Decimal
    ) {
        self.number = number
        self.productCode = productCode
        self.description = description
        self.ncm = ncm
        self.cfop = cfop
        self.unit = unit
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.total = total
    }
}
