#!/usr/bin/env python3
"""Writes the NF-e test fixtures in this folder.

The notas are invented (no real company, person or sale) and follow the published layout:
Manual de Orientação do Contribuinte, leiaute 4.00 (and 3.10 for one file). Check digits of
every CPF, CNPJ and chave are computed here, independently of the Swift code under test.
Run it from this folder: python3 make_fixtures.py
"""

NS = "http://www.portalfiscal.inf.br/nfe"


def mod11(text, highest):
    total, weight = 0, 2
    for ch in reversed(text):
        total += (ord(ch) - 48) * weight
        weight = 2 if weight == highest else weight + 1
    r = total % 11
    return 0 if r < 2 else 11 - r


def cnpj(base12):
    d1 = mod11(base12, 9)
    d2 = mod11(base12 + str(d1), 9)
    return f"{base12}{d1}{d2}"


def cpf(base9):
    d1 = mod11(base9, 10)
    d2 = mod11(base9 + str(d1), 11)
    return f"{base9}{d1}{d2}"


def chave(cuf, aamm, emit, mod, serie, nnf, tpemis, cnf):
    emit14 = emit if len(emit) == 14 else "000" + emit
    first43 = f"{cuf}{aamm}{emit14}{mod}{serie:03d}{nnf:09d}{tpemis}{cnf}"
    assert len(first43) == 43, first43
    return first43 + str(mod11(first43, 9))


def item(n, cprod, xprod, ncm, cfop, ucom, qcom, vuncom, vprod):
    return f"""      <det nItem="{n}">
        <prod>
          <cProd>{cprod}</cProd>
          <cEAN>SEM GTIN</cEAN>
          <xProd>{xprod}</xProd>
          <NCM>{ncm}</NCM>
          <CFOP>{cfop}</CFOP>
          <uCom>{ucom}</uCom>
          <qCom>{qcom}</qCom>
          <vUnCom>{vuncom}</vUnCom>
          <vProd>{vprod}</vProd>
          <cEANTrib>SEM GTIN</cEANTrib>
          <uTrib>{ucom}</uTrib>
          <qTrib>{qcom}</qTrib>
          <vUnTrib>{vuncom}</vUnTrib>
          <indTot>1</indTot>
        </prod>
        <imposto>
          <ICMS>
            <ICMSSN102>
              <orig>0</orig>
              <CSOSN>102</CSOSN>
            </ICMSSN102>
          </ICMS>
        </imposto>
      </det>
"""


def party(tag, doc_tag, doc, xnome, extra=""):
    lines = [f"      <{tag}>"]
    if doc_tag:
        lines.append(f"        <{doc_tag}>{doc}</{doc_tag}>")
    if xnome:
        lines.append(f"        <xNome>{xnome}</xNome>")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines.append(f"      </{tag}>")
    return "\n".join(lines) + "\n"


def ender_emit(uf, mun, xmun):
    return f"""        <enderEmit>
          <xLgr>RUA DAS FLORES</xLgr>
          <nro>100</nro>
          <xBairro>CENTRO</xBairro>
          <cMun>{mun}</cMun>
          <xMun>{xmun}</xMun>
          <UF>{uf}</UF>
          <CEP>01001000</CEP>
          <cPais>1058</cPais>
          <xPais>BRASIL</xPais>
        </enderEmit>
        <IE>123456789012</IE>
        <CRT>1</CRT>
"""


def nota(*, key, versao="4.00", cuf, cnf, mod, serie, nnf, emission, tpemis="1", cdv=None,
         emit_tag, emit_doc, emit_name, emit_fant, uf, mun, xmun, dest, items, vnf,
         namespace=NS, proc=None, id_prefix="NFe", skip_ide=()):
    cdv = key[-1] if cdv is None else cdv
    ide_fields = [("cUF", cuf), ("cNF", cnf), ("natOp", "VENDA DE MERCADORIA"), ("mod", mod),
                  ("serie", serie), ("nNF", nnf)]
    ide_fields += [emission]
    ide_fields += [("tpNF", "1"), ("idDest", "1"), ("cMunFG", mun),
                   ("tpImp", "1" if mod == "55" else "4"), ("tpEmis", tpemis), ("cDV", cdv),
                   ("tpAmb", "1"), ("finNFe", "1"), ("indFinal", "0" if mod == "55" else "1"),
                   ("indPres", "1"), ("procEmi", "0"), ("verProc", "esteira-fixtures 1.0")]
    ide = "".join(f"        <{k}>{v}</{k}>\n" for k, v in ide_fields if k not in skip_ide)
    emit = party("emit", emit_tag, emit_doc, emit_name,
                 (f"        <xFant>{emit_fant}</xFant>\n" if emit_fant else "") + ender_emit(uf, mun, xmun))
    body = f"""  <NFe xmlns="{namespace}">
    <infNFe versao="{versao}" Id="{id_prefix}{key}">
      <ide>
{ide}      </ide>
{emit}{dest}{"".join(items)}      <total>
        <ICMSTot>
          <vBC>0.00</vBC>
          <vICMS>0.00</vICMS>
          <vProd>{vnf}</vProd>
          <vDesc>0.00</vDesc>
          <vNF>{vnf}</vNF>
        </ICMSTot>
      </total>
      <transp>
        <modFrete>9</modFrete>
      </transp>
    </infNFe>
  </NFe>
"""
    if proc is None:
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body.replace("\n  ", "\n")[2:]
    ch, cstat, xmotivo, nprot, dhrecbto = proc
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nfeProc xmlns="{namespace}" versao="{versao}">
{body}  <protNFe versao="{versao}">
    <infProt>
      <tpAmb>1</tpAmb>
      <verAplic>SP_NFE_PL009_V4</verAplic>
      <chNFe>{ch}</chNFe>
      <dhRecbto>{dhrecbto}</dhRecbto>
      <nProt>{nprot}</nProt>
      <digVal>dGVzdGUgZGUgZGlnZXN0</digVal>
      <cStat>{cstat}</cStat>
      <xMotivo>{xmotivo}</xMotivo>
    </infProt>
  </protNFe>
</nfeProc>
"""


def write(name, text):
    with open(name, "w", encoding="utf-8") as f:
        f.write(text)


EMIT_SP = cnpj("112223330001")          # Comércio Paulista de Ferragens Ltda
DEST_RJ = cnpj("445556660001")          # Construtora Carioca S.A.
CPF_JOAO = cpf("529982247")             # João da Conceição
CPF_EMIT = cpf("123456789")             # a person issuing in MG
ALNUM = cnpj("12ABC34501DE")            # the Receita Federal's alphanumeric example
AUTH = "Autorizado o uso da NF-e"

sp_items = [
    item(1, "FER-001", "MARTELO UNHA 27MM CABO MADEIRA", "82052000", "6102", "UN", "3.0000", "45.9000000000", "137.70"),
    item(2, "FER-014", "CHAVE DE FENDA 1/4 X 6", "82054000", "6102", "UN", "10.0000", "12.3500000000", "123.50"),
    item(3, "FER-230", "PARAFUSO SEXTAVADO 8MM (CENTO)", "73181500", "6102", "CT", "2.5000", "31.1000000000", "77.75"),
]
main_key = chave("35", "2403", EMIT_SP, "55", 1, 1234, "1", "10293847")
main = dict(key=main_key, cuf="35", cnf="10293847", mod="55", serie="1", nnf="1234",
            emission=("dhEmi", "2024-03-15T10:30:00-03:00"), emit_tag="CNPJ", emit_doc=EMIT_SP,
            emit_name="COMERCIO PAULISTA DE FERRAGENS LTDA", emit_fant="FERRAGENS PAULISTA",
            uf="SP", mun="3550308", xmun="SAO PAULO",
            dest=party("dest", "CNPJ", DEST_RJ, "CONSTRUTORA CARIOCA S.A.", "        <indIEDest>9</indIEDest>\n"),
            items=sp_items, vnf="338.95",
            proc=(main_key, "100", AUTH, "135240000123456", "2024-03-15T10:31:02-03:00"))
write("nfeproc-55-several-items.xml", nota(**main))

# Broken variants of the main nota, one fault each.
write("broken-wrong-namespace.xml", nota(**{**main, "namespace": "http://www.portalfiscal.inf.br/nfe/v3"}))
write("broken-missing-nnf.xml", nota(**{**main, "skip_ide": ("nNF",)}))
bad_dv = main_key[:-1] + str((int(main_key[-1]) + 1) % 10)
write("broken-chave-check-digit.xml", nota(**{**main, "key": bad_dv, "cdv": bad_dv[-1],
                                               "proc": (bad_dv,) + main["proc"][1:]}))
write("broken-chave-disagrees-nnf.xml", nota(**{**main, "nnf": "1235"}))
bad_emit = EMIT_SP[:-1] + str((int(EMIT_SP[-1]) + 1) % 10)
write("broken-emitente-cnpj.xml", nota(**{**main, "emit_doc": bad_emit}))
other_key = chave("35", "2403", EMIT_SP, "55", 1, 1299, "1", "10293847")
write("broken-protocol-other-chave.xml", nota(**{**main, "proc": (other_key,) + main["proc"][1:]}))
malformed = nota(**main).replace("<xProd>CHAVE DE FENDA 1/4 X 6</xProd>", "<xProd>CHAVE DE FENDA 1/4 X 6</xprod>")
write("broken-malformed.xml", malformed)

# A bare NFe (no protNFe), model 55, issued in RJ to a person (CPF).
rj_key = chave("33", "2405", DEST_RJ, "55", 2, 87, "1", "55667788")
write("nfe-55-bare.xml", nota(
    key=rj_key, cuf="33", cnf="55667788", mod="55", serie="2", nnf="87",
    emission=("dhEmi", "2024-05-02T16:05:09-03:00"), emit_tag="CNPJ", emit_doc=DEST_RJ,
    emit_name="CONSTRUTORA CARIOCA S.A.", emit_fant=None, uf="RJ", mun="3304557", xmun="RIO DE JANEIRO",
    dest=party("dest", "CPF", CPF_JOAO, "JOÃO DA CONCEIÇÃO", "        <indIEDest>9</indIEDest>\n"),
    items=[item(1, "SRV-9", "REFORMA DE MURO &amp; PINTURA", "00", "5933", "SV", "1.0000", "2500.0000000000", "2500.00")],
    vnf="2500.00"))

# An NFC-e (model 65) without dest, from Acre (UTC-05:00), by a company with an alphanumeric CNPJ.
ac_key = chave("12", "2611", ALNUM, "65", 5, 4321, "1", "00000042")
write("nfce-65-no-dest.xml", nota(
    key=ac_key, cuf="12", cnf="00000042", mod="65", serie="5", nnf="4321",
    emission=("dhEmi", "2026-11-30T21:45:00-05:00"), emit_tag="CNPJ", emit_doc=ALNUM,
    emit_name="MERCADINHO RIO BRANCO LTDA", emit_fant="MERCADINHO", uf="AC", mun="1200401", xmun="RIO BRANCO",
    dest="", items=[
        item(1, "7891000100103", "CAFE TORRADO 500G", "09012100", "5102", "UN", "2.0000", "18.99", "37.98"),
        item(2, "7896005800010", "ACUCAR CRISTAL 1KG", "17019900", "5102", "KG", "0.7500", "5.20", "3.90"),
    ], vnf="41.88",
    proc=(ac_key, "100", "Autorizado o uso da NF-e", "112260000987654", "2026-11-30T21:45:03-05:00")))

# An export (CFOP 7102) to a foreign recipient identified by idEstrangeiro.
ex_key = chave("41", "2402", cnpj("778889990001"), "55", 1, 56, "1", "31415926")
write("nfeproc-55-foreign-recipient.xml", nota(
    key=ex_key, cuf="41", cnf="31415926", mod="55", serie="1", nnf="56",
    emission=("dhEmi", "2024-02-29T09:00:00-03:00"), emit_tag="CNPJ", emit_doc=cnpj("778889990001"),
    emit_name="ERVA MATE PARANAENSE LTDA", emit_fant=None, uf="PR", mun="4106902", xmun="CURITIBA",
    dest=party("dest", "idEstrangeiro", "AR-30712345678", "IMPORTADORA DEL PLATA S.R.L.",
               "        <indIEDest>9</indIEDest>\n"),
    items=[item(1, "MATE-1", "ERVA MATE CANCHEADA 25KG", "09030090", "7102", "SC", "400.0000", "210.0000000000", "84000.00")],
    vnf="84000.00",
    proc=(ex_key, "100", AUTH, "141240000000777", "2024-02-29T09:01:40-03:00")))

# Layout 3.10, issued by a person (CPF) in MG, on the first minutes of a month: the chave's AAMM
# was stamped in UTC-05:00 time (previous month), which the reader accepts with a warning.
mg_key = chave("31", "1501", CPF_EMIT, "55", 0, 9, "1", "87654321")
write("nfeproc-310-month-boundary.xml", nota(
    key=mg_key, versao="3.10", cuf="31", cnf="87654321", mod="55", serie="0", nnf="9",
    emission=("dhEmi", "2015-02-01T00:20:00-02:00"), emit_tag="CPF", emit_doc=CPF_EMIT,
    emit_name="MARIA APARECIDA PRODUTORA RURAL", emit_fant=None, uf="MG", mun="3106200", xmun="BELO HORIZONTE",
    dest=party("dest", "CNPJ", EMIT_SP, "COMERCIO PAULISTA DE FERRAGENS LTDA", "        <indIEDest>9</indIEDest>\n"),
    items=[item(1, "QJ-1", "QUEIJO MINAS ARTESANAL", "04069010", "6101", "KG", "12.5000", "48.0000000000", "600.00")],
    vnf="600.00",
    proc=(mg_key, "100", AUTH, "131150000000009", "2015-02-01T00:21:00-02:00")))

print("chaves:", main_key, rj_key, ac_key, ex_key, mg_key)
print("documents:", EMIT_SP, DEST_RJ, CPF_JOAO, CPF_EMIT, ALNUM)
