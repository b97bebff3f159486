/// The checks of Brazilian document numbers that every invoice format gets: a `documento`
/// column must be a valid CPF or CNPJ, a `chave` column a valid chave de acesso. An invalid one
/// rejects its row with the reason.
public enum DocumentChecks {
    public static let all: [InvoiceFieldCheck] = [
        InvoiceFieldCheck(field: "documento") { text in
            do throws(DocumentError) {
                _ = try DocumentNumber.parse(text)
                return nil
            } catch {
                return error.reason
            }
        },
        InvoiceFieldCheck(field: "chave") { text in
            do throws(DocumentError) {
                _ = try ChaveDeAcesso(text)
                return nil
            } catch {
                return error.reason
            }
        },
    ]
}
