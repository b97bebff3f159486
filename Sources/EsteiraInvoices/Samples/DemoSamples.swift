import Foundation

/// The sample files `esteira demo` loads on a first run, generated in code: a clean CSV, a
/// Brazilian CSV saved by Excel (semicolons, decimal commas, Windows-1252), a JSON file with a few
/// invalid rows in the AWS bootcamp's record shape, and a file of an unsupported type.
/// Their `numero`s do not overlap, so loading all of them gives no conflicts.
public enum DemoSamples {
    /// All samples, in the order to upload them.
    public static let all: [DemoSample] = [cleanCSV, brazilianExcelCSV, jsonWithInvalidRows, unsupportedFile]

    /// A clean UTF-8 CSV with ISO dates and decimal points: every row loads.
    public static let cleanCSV = DemoSample(
        key: "demo/notas-marco-2024.csv",
        data: Data("""
            numero,serie,nome,documento,data,valor,descricao
            NF-1001,1,Ana Paula Ferreira,529.982.247-25,2024-03-01,1250.00,Consultoria técnica (hora)
            NF-1002,1,Padaria Pão de Ouro Ltda,11.222.333/0001-81,2024-03-02,89.90,Pão francês kg
            NF-1003,1,João Carlos de Souza,111.444.777-35,2024-03-04,3499.99,"Notebook 15,6"" 8GB RAM"
            NF-1004,2,Mariana Gonçalves Lima,987.654.321-00,2024-03-05,45.50,Café torrado e moído 500g
            NF-1005,1,Auto Peças São Jorge ME,45.723.174/0001-10,2024-03-07,780.00,Pneu aro 15
            NF-1006,1,Beatriz Araújo Nunes,123.456.789-09,2024-03-11,12.75,Caneta esferográfica azul
            NF-1007,2,Carlos Eduardo Rocha,390.533.447-05,2024-03-15,15999.00,Instalação elétrica
            NF-1008,1,Farmácia Boa Vista Ltda,60.701.190/0001-04,2024-03-18,234.10,Medicamento genérico
            NF-1009,1,Luíza Helena Castro,248.438.034-80,2024-03-22,1099.90,"Monitor 27"" IPS"
            NF-1010,3,Fábio Antunes Prado,714.602.380-01,2024-03-28,56.00,Frete

            """.utf8),
        expectedStatus: .accepted,
        purpose: "a clean CSV: every row is loaded")

    /// A CSV as Excel in Brazil saves it: `;` delimiters, `DD/MM/YYYY` dates, `1.234,56` amounts
    /// with `R$`, and Windows-1252 bytes for the accented letters. Every row loads.
    public static let brazilianExcelCSV = DemoSample(
        key: "demo/vendas-abril-2024-excel.csv",
        data: windows1252("""
            Número;Série;Cliente;CPF/CNPJ;Emissão;Valor Total;Descrição\r
            2001;1;Sebastião Magalhães;529.982.247-25;01/04/2024;R$ 1.234,56;Cimento CP-II 50kg\r
            2002;1;Conceição Brandão;111.444.777-35;03/04/2024;89,90;Água mineral 500ml\r
            2003;1;Distribuidora Três Corações Ltda;11.222.333/0001-81;05/04/2024;12.500,00;Açúcar refinado 1kg\r
            2004;2;Inês Guimarães Falcão;390.533.447-05;10/04/2024;349,00;Ração para cães 15kg\r
            2005;1;Estêvão Simões;248.438.034-80;15/04/2024;R$ 75,30;Óleo de soja 900ml\r
            2006;1;Mônica Assunção;714.602.380-01;22/04/2024;2.199,99;"Smartphone 6,1"" 128GB"\r
            2007;2;Padaria Nossa Senhora Aparecida ME;45.723.174/0001-10;29/04/2024;18,40;Pão francês kg\r

            """),
        expectedStatus: .accepted,
        purpose: "a Brazilian Excel CSV (semicolons, decimal commas, Windows-1252): every row is loaded")

    /// A JSON array in the AWS bootcamp's record shape with three invalid rows (an impossible date,
    /// a negative amount, no customer name): the other rows load.
    public static let jsonWithInvalidRows = DemoSample(
        key: "demo/notas-bootcamp.json",
        data: Data("""
            [
              {"id": "NF-3001", "cliente": "Carlos Santos", "valor": 1111.11, "data_emissao": "2026-05-01"},
              {"id": "NF-3002", "cliente": "Helena Vieira", "valor": 250.00, "data_emissao": "2026-05-02"},
              {"id": "NF-3003", "cliente": "Rafael Teixeira", "valor": 99.90, "data_emissao": "31/02/2026"},
              {"id": "NF-3004", "cliente": "Larissa Moura", "valor": -40.00, "data_emissao": "2026-05-04"},
              {"id": "NF-3005", "valor": 310.00, "data_emissao": "2026-05-05"},
              {"id": "NF-3006", "cliente": "Gustavo Pacheco", "valor": "1.480,00", "data_emissao": "06/05/2026"},
              {"id": "NF-3007", "cliente": "Tânia Rezende", "valor": 0.1, "data_emissao": "2026-05-07"}
            ]

            """.utf8),
        expectedStatus: .partial,
        purpose: "a JSON file with three invalid rows: the valid rows are loaded, the others reported")

    /// A PDF scan uploaded by mistake: rejected, with a message saying what it is.
    public static let unsupportedFile = DemoSample(
        key: "demo/nota-digitalizada.pdf",
        data: Data("""
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF

            """.utf8),
        expectedStatus: .rejected,
        purpose: "a PDF: rejected, because invoices are read from CSV, JSON or NF-e XML")

    private static func windows1252(_ text: String) -> Data {
        guard let data = text.data(using: .windowsCP1252) else {
            preconditionFailure("the Brazilian sample is written in characters Windows-1252 has")
        }
        return data
    }
}
