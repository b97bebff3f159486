import Foundation

/// Turns a parsed NF-e element tree into an `NFeNota`, rejecting what the layout does not allow.
///
/// Paths in messages are relative to `infNFe` (`ide/nNF`), except the root's children
/// (`nfeProc/NFe`) and the authorisation (`protNFe/infProt/cStat`). A missing element is reported
/// at the line of its parent.
struct NFeNotaDecoder {
    private var warnings: [NFeWarning] = []

    private static let layoutVersions: Set<String> = ["4.00", "3.10"]

    mutating func decode(_ root: NFeXMLElement) throws(NFeError) -> NFeNota {
        let (nfe, protNFe) = try Self.rootParts(root)
        try Self.checkNamespaces(root)

        let infNFe = try Self.require(nfe, "infNFe", in: root.name == "nfeProc" ? "nfeProc/NFe" : nil)
        let layoutVersion = try Self.attribute(infNFe, "versao")
        guard Self.layoutVersions.contains(layoutVersion) else {
            throw NFeError(
                kind: .unsupportedDocument, line: infNFe.line, element: "infNFe/@versao",
                reason: "infNFe/@versao \(layoutVersion) is not a layout this reader knows (expected 4.00 or 3.10)")
        }
        let chave = try Self.chave(infNFe)

        let ide = try Self.require(infNFe, "ide")
        let cUF = try Self.digits(ide, "cUF", path: "ide", count: 2...2)
        let cNF = try Self.digits(ide, "cNF", path: "ide", count: 8...8)
        let modText = try Self.text(ide, "mod", path: "ide")
        guard let modelo = NFeModel(rawValue: modText.value) else {
            throw Self.invalid(modText, "ide/mod", "\(modText.value) is not a nota model (expected 55 or 65)")
        }
        let serie = try Self.integer(ide, "serie", path: "ide", range: 0...999)
        let numero = try Self.integer(ide, "nNF", path: "ide", range: 1...999_999_999)
        let tpEmis = try Self.digits(ide, "tpEmis", path: "ide", count: 1...1)
        let cDV = try Self.integer(ide, "cDV", path: "ide", range: 0...9)
        let emission = try Self.emission(ide, layoutVersion: layoutVersion)

        let emitente = try Self.emitente(infNFe)
        let destinatario = try Self.destinatario(infNFe, modelo: modelo)
        let items = try Self.items(infNFe)
        let icmsTot = try Self.require(Self.require(infNFe, "total"), "ICMSTot", in: "total")
        let total = try Self.decimal(icmsTot, "vNF", path: "total/ICMSTot")
        let authorisation = try protNFe.map { element throws(NFeError) in try Self.authorisation(element, chave: chave) }

        let fields = DocumentFields(
            ide: ide, cUF: cUF, cNF: cNF, modelo: modelo, serie: serie, numero: numero, tpEmis: tpEmis,
            cDV: cDV, emission: emission, emit: try Self.require(infNFe, "emit"), emitente: emitente)
        try checkAgreement(of: chave, with: fields)
        noteAuthorisation(authorisation, protNFe: protNFe, root: root)

        return NFeNota(
            chave: chave, layoutVersion: layoutVersion, modelo: modelo, serie: serie, numero: numero, cUF: cUF,
            tpEmis: tpEmis, cNF: cNF, emission: emission.value, emitente: emitente, destinatario: destinatario,
            total: total, items: items, authorisation: authorisation, warnings: warnings)
    }

    // MARK: - Structure

    /// The `NFe` element and, for an `nfeProc`, its `protNFe`.
    private static func rootParts(_ root: NFeXMLElement) throws(NFeError) -> (NFeXMLElement, NFeXMLElement?) {
        switch root.name {
        case "NFe":
            try checkNamespace(root, path: "NFe")
            return (root, nil)
        case "nfeProc":
            try checkNamespace(root, path: "nfeProc")
            let notas = root.children(named: "NFe")
            if notas.count > 1 {
                throw NFeError(
                    kind: .unsupportedDocument, line: notas[1].line, element: "nfeProc/NFe",
                    reason: "nfeProc carries \(notas.count) NFe elements; a file carries one nota")
            }
            let nfe = try require(root, "NFe", in: "nfeProc")
            let protNFe = try require(root, "protNFe", in: "nfeProc")
            return (nfe, protNFe)
        default:
            throw NFeError(
                kind: .unsupportedDocument, line: root.line, element: root.name,
                reason: "root element \(root.name) is not an NF-e (expected nfeProc or NFe)")
        }
    }

    /// Every element must be in the NF-e namespace, except the XML signature and what it holds.
    private static func checkNamespaces(_ element: NFeXMLElement, path: String? = nil) throws(NFeError) {
        let here = path.map { "\($0)/\(element.name)" } ?? element.name
        if element.name == "Signature", element.namespace == "http://www.w3.org/2000/09/xmldsig#" { return }
        try checkNamespace(element, path: here)
        for child in element.children {
            try checkNamespaces(child, path: here)
        }
    }

    private static func checkNamespace(_ element: NFeXMLElement, path: String) throws(NFeError) {
        guard element.namespace != NFeReader.namespace else { return }
        let found = element.namespace.map { "is in namespace \($0)" } ?? "has no namespace"
        throw NFeError(
            kind: .wrongNamespace, line: element.line, element: path,
            reason: "element \(element.name) \(found) (expected \(NFeReader.namespace))")
    }

    // MARK: - Sections

    private static func chave(_ infNFe: NFeXMLElement) throws(NFeError) -> ChaveDeAcesso {
        let id = try attribute(infNFe, "Id")
        guard id.hasPrefix("NFe") else {
            throw NFeError(
                kind: .invalidValue, line: infNFe.line, element: "infNFe/@Id",
                reason: "infNFe/@Id \(id) does not start with NFe followed by the chave")
        }
        do {
            return try ChaveDeAcesso(String(id.dropFirst(3)))
        } catch {
            throw NFeError(
                kind: .invalidValue, line: infNFe.line, element: "infNFe/@Id",
                reason: "infNFe/@Id: chave \(error.raw): \(error.reason)")
        }
    }

    private static func emission(
        _ ide: NFeXMLElement, layoutVersion: String
    ) throws(NFeError) -> (value: NFeDateTime, element: NFeXMLElement, path: String) {
        if let dhEmi = ide.child(named: "dhEmi") {
            guard let value = NFeDateTime.dateTime(dhEmi.value) else {
                throw invalid(
                    dhEmi, "ide/dhEmi",
                    "\(dhEmi.value) is not a date and time with UTC offset such as 2024-03-15T10:30:00-03:00")
            }
            return (value, dhEmi, "ide/dhEmi")
        }
        if layoutVersion == "3.10", let dEmi = ide.child(named: "dEmi") {
            guard let value = NFeDateTime.date(dEmi.value) else {
                throw invalid(dEmi, "ide/dEmi", "\(dEmi.value) is not a calendar date such as 2014-03-15")
            }
            return (value, dEmi, "ide/dEmi")
        }
        throw missing("dhEmi", in: ide, path: "ide")
    }

    private static func emitente(_ infNFe: NFeXMLElement) throws(NFeError) -> NFeEmitente {
        let emit = try require(infNFe, "emit")
        let document: DocumentNumber
        if let cnpj = emit.child(named: "CNPJ") {
            document = .cnpj(try validated(cnpj, path: "emit/CNPJ", CNPJ.init))
        } else if let cpf = emit.child(named: "CPF") {
            document = .cpf(try validated(cpf, path: "emit/CPF", CPF.init))
        } else {
            throw missing("CNPJ (or emit/CPF)", in: emit, path: "emit")
        }
        let name = try text(emit, "xNome", path: "emit").value
        return NFeEmitente(
            document: document, name: name,
            tradeName: nonEmpty(emit.child(named: "xFant")?.value),
            state: nonEmpty(emit.child(named: "enderEmit")?.child(named: "UF")?.value))
    }

    private static func destinatario(_ infNFe: NFeXMLElement, modelo: NFeModel) throws(NFeError) -> NFeDestinatario? {
        guard let dest = infNFe.child(named: "dest") else {
            if modelo == .nfe {
                throw NFeError(
                    kind: .missingElement, line: infNFe.line, element: "dest",
                    reason: "missing element dest (an NF-e model 55 names its recipient)")
            }
            return nil
        }
        let identification: NFeDestinatario.Identification?
        if let cnpj = dest.child(named: "CNPJ") {
            identification = .document(.cnpj(try validated(cnpj, path: "dest/CNPJ", CNPJ.init)))
        } else if let cpf = dest.child(named: "CPF") {
            identification = .document(.cpf(try validated(cpf, path: "dest/CPF", CPF.init)))
        } else if let foreign = dest.child(named: "idEstrangeiro") {
            identification = .foreign(foreign.value)
        } else if modelo == .nfe {
            throw missing("CNPJ (or dest/CPF or dest/idEstrangeiro)", in: dest, path: "dest")
        } else {
            identification = nil
        }
        let name = nonEmpty(dest.child(named: "xNome")?.value)
        if name == nil, modelo == .nfe {
            throw missing("xNome", in: dest, path: "dest")
        }
        return NFeDestinatario(identification: identification, name: name)
    }

    private static func items(_ infNFe: NFeXMLElement) throws(NFeError) -> [NFeItem] {
        let details = infNFe.children(named: "det")
        guard !details.isEmpty else { throw missing("det", in: infNFe, path: nil) }
        var items: [NFeItem] = []
        var seen: Set<Int> = []
        for det in details {
            let nItemText = try attribute(det, "nItem", path: "det")
            guard let number = Int(nItemText), (1...990).contains(number), nItemText.allSatisfy(\.isNumber) else {
                throw NFeError(
                    kind: .invalidValue, line: det.line, element: "det/@nItem",
                    reason: "det/@nItem \(nItemText) is not an item number from 1 to 990")
            }
            guard seen.insert(number).inserted else {
                throw NFeError(
                    kind: .invalidValue, line: det.line, element: "det/@nItem",
                    reason: "det/@nItem \(number) appears more than once")
            }
            let path = "det[nItem=\(number)]/prod"
            let prod = try require(det, "prod", in: "det[nItem=\(number)]")
            items.append(NFeItem(
                number: number,
                productCode: try text(prod, "cProd", path: path).value,
                description: try text(prod, "xProd", path: path).value,
                ncm: try digits(prod, "NCM", path: path, count: 2...8),
                cfop: try digits(prod, "CFOP", path: path, count: 4...4),
                unit: try text(prod, "uCom", path: path).value,
                quantity: try decimal(prod, "qCom", path: path),
                unitPrice: try decimal(prod, "vUnCom", path: path),
                total: try decimal(prod, "vProd", path: path)))
        }
        return items
    }

    private static func authorisation(
        _ protNFe: NFeXMLElement, chave: ChaveDeAcesso
    ) throws(NFeError) -> NFeAuthorisation {
        let infProt = try require(protNFe, "infProt", in: "protNFe")
        let path = "protNFe/infProt"
        if let chNFe = infProt.child(named: "chNFe") {
            let protocolChave: ChaveDeAcesso
            do {
                protocolChave = try ChaveDeAcesso(chNFe.value)
            } catch {
                throw invalid(chNFe, "\(path)/chNFe", "chave \(error.raw): \(error.reason)")
            }
            guard protocolChave == chave else {
                throw NFeError(
                    kind: .disagreement, line: chNFe.line, element: "\(path)/chNFe",
                    reason: "\(path)/chNFe \(protocolChave.value) disagrees with infNFe/@Id \(chave.value): "
                        + "the authorisation belongs to another nota")
            }
        }
        let status = try digits(infProt, "cStat", path: path, count: 3...3)
        let reason = try text(infProt, "xMotivo", path: path).value
        var receivedAt: NFeDateTime?
        if let dhRecbto = infProt.child(named: "dhRecbto") {
            guard let value = NFeDateTime.dateTime(dhRecbto.value) else {
                throw invalid(dhRecbto, "\(path)/dhRecbto", "\(dhRecbto.value) is not a date and time with UTC offset")
            }
            receivedAt = value
        }
        return NFeAuthorisation(
            status: status, reason: reason, protocolNumber: nonEmpty(infProt.child(named: "nProt")?.value),
            receivedAt: receivedAt)
    }

    // MARK: - Agreement between the chave and the document

    /// The parts of the document that the chave repeats.
    private struct DocumentFields {
        let ide: NFeXMLElement
        let cUF: String
        let cNF: String
        let modelo: NFeModel
        let serie: Int
        let numero: Int
        let tpEmis: String
        let cDV: Int
        let emission: (value: NFeDateTime, element: NFeXMLElement, path: String)
        let emit: NFeXMLElement
        let emitente: NFeEmitente
    }

    /// Rejects a chave that names another document; warns about what time zones can explain.
    private mutating func checkAgreement(
        of chave: ChaveDeAcesso, with fields: DocumentFields
    ) throws(NFeError) {
        func disagree(_ path: String, _ element: NFeXMLElement?, _ found: String, _ part: String, _ inChave: String) -> NFeError {
            NFeError(
                kind: .disagreement, line: element?.line ?? fields.ide.line, element: path,
                reason: "\(path) \(found) disagrees with the chave's \(part) \(inChave) (infNFe/@Id)")
        }
        let ide = fields.ide
        if fields.cUF != chave.cUF {
            throw disagree("ide/cUF", ide.child(named: "cUF"), fields.cUF, "cUF", chave.cUF)
        }
        if !chave.names(emitente: fields.emitente.document) {
            let tag = fields.emitente.document.kind == .cnpj ? "CNPJ" : "CPF"
            throw disagree(
                "emit/\(tag)", fields.emit.child(named: tag), fields.emitente.document.value, "emitente",
                chave.emitenteField)
        }
        if fields.modelo.rawValue != chave.modelo {
            throw disagree("ide/mod", ide.child(named: "mod"), fields.modelo.rawValue, "modelo", chave.modelo)
        }
        if fields.serie != chave.serie {
            throw disagree("ide/serie", ide.child(named: "serie"), String(fields.serie), "série", String(chave.serie))
        }
        if fields.numero != chave.numero {
            throw disagree("ide/nNF", ide.child(named: "nNF"), String(fields.numero), "número", String(chave.numero))
        }
        if fields.tpEmis != chave.tpEmis {
            throw disagree("ide/tpEmis", ide.child(named: "tpEmis"), fields.tpEmis, "tpEmis", chave.tpEmis)
        }
        if fields.cNF != chave.cNF {
            throw disagree("ide/cNF", ide.child(named: "cNF"), fields.cNF, "cNF", chave.cNF)
        }
        if fields.cDV != chave.cDV {
            throw disagree("ide/cDV", ide.child(named: "cDV"), String(fields.cDV), "check digit", String(chave.cDV))
        }
        try checkYearMonth(of: chave, emission: fields.emission)
        if let state = fields.emitente.state, state != chave.stateAbbreviation {
            let uf = fields.emit.child(named: "enderEmit")?.child(named: "UF")
            warnings.append(NFeWarning(
                line: uf?.line, element: "emit/enderEmit/UF",
                message: "emit/enderEmit/UF \(state) is not the state of cUF \(chave.cUF) (\(chave.stateAbbreviation))"))
        }
    }

    /// Brazil's UTC offsets run from −05:00 (Acre) to −02:00 (Fernando de Noronha), and some
    /// emitentes stamp the chave in UTC: a chave month that matches the emission instant at one of
    /// these offsets is accepted with a warning; any other month rejects the nota.
    private mutating func checkYearMonth(
        of chave: ChaveDeAcesso, emission: (value: NFeDateTime, element: NFeXMLElement, path: String)
    ) throws(NFeError) {
        let value = emission.value
        if value.year == chave.year, value.month == chave.month { return }
        let ownAAMM = String(format: "%02d%02d", value.year % 100, value.month)
        let explainedByTimeZone = (-5...0).contains { (hours: Int) -> Bool in
            guard let other = value.yearMonth(atOffsetMinutes: hours * 60) else { return false }
            return other.year == chave.year && other.month == chave.month
        }
        if explainedByTimeZone {
            warnings.append(NFeWarning(
                line: emission.element.line, element: emission.path,
                message: "the chave's AAMM \(chave.aamm) differs from the month of \(emission.path) \(value.text) "
                    + "(\(ownAAMM)); accepted because the emission is within hours of a month boundary "
                    + "and the chave's month matches it in another Brazilian or UTC time zone"))
            return
        }
        throw NFeError(
            kind: .disagreement, line: emission.element.line, element: emission.path,
            reason: "\(emission.path) \(value.text) (AAMM \(ownAAMM)) disagrees with the chave's AAMM \(chave.aamm) "
                + "(infNFe/@Id)")
    }

    private mutating func noteAuthorisation(
        _ authorisation: NFeAuthorisation?, protNFe: NFeXMLElement?, root: NFeXMLElement
    ) {
        guard let authorisation else {
            warnings.append(NFeWarning(
                line: root.line, element: "NFe",
                message: "bare NFe without protNFe: the SEFAZ authorisation is not in the file"))
            return
        }
        if !authorisation.isAuthorised {
            let cStat = protNFe?.child(named: "infProt")?.child(named: "cStat")
            warnings.append(NFeWarning(
                line: cStat?.line, element: "protNFe/infProt/cStat",
                message: "protNFe/infProt/cStat \(authorisation.status) (\(authorisation.reason)): "
                    + "the use of this nota is not authorised"))
        }
    }

    // MARK: - Values

    private static func qualified(_ name: String, _ path: String?) -> String {
        path.map { "\($0)/\(name)" } ?? name
    }

    private static func missing(_ name: String, in parent: NFeXMLElement, path: String?) -> NFeError {
        NFeError(
            kind: .missingElement, line: parent.line, element: qualified(name, path),
            reason: "missing element \(qualified(name, path))")
    }

    private static func invalid(_ element: NFeXMLElement, _ path: String, _ reason: String) -> NFeError {
        NFeError(kind: .invalidValue, line: element.line, element: path, reason: "\(path): \(reason)")
    }

    private static func require(_ parent: NFeXMLElement, _ name: String, in path: String? = nil) throws(NFeError) -> NFeXMLElement {
        guard let element = parent.child(named: name) else { throw missing(name, in: parent, path: path) }
        return element
    }

    private static func attribute(_ element: NFeXMLElement, _ name: String, path: String? = nil) throws(NFeError) -> String {
        let owner = path ?? element.name
        guard let value = element.attributes[name], !value.isEmpty else {
            throw NFeError(
                kind: .missingElement, line: element.line, element: "\(owner)/@\(name)",
                reason: "missing attribute \(owner)/@\(name)")
        }
        return value
    }

    /// A required element with non-blank text.
    private static func text(_ parent: NFeXMLElement, _ name: String, path: String) throws(NFeError) -> NFeXMLElement {
        let element = try require(parent, name, in: path)
        guard !element.value.isEmpty else { throw invalid(element, "\(path)/\(name)", "empty") }
        return element
    }

    private static func digits(
        _ parent: NFeXMLElement, _ name: String, path: String, count: ClosedRange<Int>
    ) throws(NFeError) -> String {
        let element = try text(parent, name, path: path)
        let value = element.value
        guard count.contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let size = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw invalid(element, "\(path)/\(name)", "\(value) is not \(size) digits")
        }
        return value
    }

    private static func integer(
        _ parent: NFeXMLElement, _ name: String, path: String, range: ClosedRange<Int>
    ) throws(NFeError) -> Int {
        let element = try text(parent, name, path: path)
        guard element.value.count <= 9, element.value.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(element.value), range.contains(number)
        else {
            throw invalid(element, "\(path)/\(name)", "\(element.value) is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// An exact decimal written as the layout does: digits with an optional point and fraction.
    private static func decimal(_ parent: NFeXMLElement, _ name: String, path: String) throws(NFeError) -> Decimal {
        let element = try text(parent, name, path: path)
        let parts = element.value.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = (1...2).contains(parts.count) && parts.allSatisfy {
            !$0.isEmpty && $0.count <= 15 && $0.allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard wellFormed, let number = Decimal(string: element.value, locale: Locale(identifier: "en_US_POSIX")) else {
            throw invalid(element, "\(path)/\(name)", "\(element.value) is not a decimal such as 1234.56")
        }
        return number
    }

    private static func validated<Document>(
        _ element: NFeXMLElement, path: String, _ make: (String) throws(DocumentError) -> Document
    ) throws(NFeError) -> Document {
        do {
            return try make(element.value)
        } catch {
            throw invalid(element, path, "\(element.value.isEmpty ? "empty" : element.value): \(error.reason)")
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
