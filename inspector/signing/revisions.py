"""Between two signatures only the next signature.

pyHanko's difference analysis allows what PAdES allows after a signature: form filling, new
empty signature fields, annotations at some levels. An empty signature field or a filled text
field can carry an appearance that paints over the page, and pyHanko calls that FORM_FILLING.
Our documents (records, interview records, rectification orders) have no form fields to fill,
so the rule here is stricter and structural, and it is applied *as well as* pyHanko's:

- each signature after the first is made in the revision right after the previous signature's
  (no revision of its own may come between two signatures);
- the revision of signature k (k ≥ 2) adds only that signature: its field and widget, its
  signature value, its appearance (objects reachable from the widget's /AP and the field's
  /V, all new), the page's /Annots gaining that widget, the AcroForm's /Fields gaining that
  field (and /SigFlags), the catalog gaining /AcroForm, /Metadata, /Extensions, /Version or
  /Perms, and the metadata pyHanko's writer updates (/Info's /ModDate and /Producer, the XMP
  stream). Anything else is named with its object number and page.

Why: a signed record is evidence (行政处罚法 第四十一条; 电子数据 must be authentic, 最高人民
法院关于民事诉讼证据的若干规定 第十四条、第十五条); a later signer must not countersign a page
the earlier signer never saw."""

from __future__ import annotations

from collections.abc import Iterable

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

CATALOG_KEYS = {"/AcroForm", "/Metadata", "/Extensions", "/Version", "/Perms"}
ACROFORM_KEYS = {"/Fields", "/SigFlags"}
INFO_KEYS = {"/ModDate", "/Producer"}  # pyHanko's writer stamps these on every revision
FIELD_KEYS = {"/V", "/AP"}  # an empty signature field made before, now signed
READ_ERRORS = (PdfError, KeyError, ValueError, TypeError, AttributeError, IndexError)


def _ref(value: object) -> generic.Reference | None:
    if isinstance(value, generic.IndirectObject):
        return value.reference
    if isinstance(value, generic.Reference):
        return value
    return None


def _refs_in(value: object) -> set[generic.Reference]:
    """The indirect references one object holds directly (not followed)."""
    found: set[generic.Reference] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        ref = _ref(item)
        if ref is not None:
            found.add(ref)
        elif isinstance(item, generic.DictionaryObject):
            stack += [item.raw_get(k) for k in item]
        elif isinstance(item, generic.ArrayObject):
            stack += [item.raw_get(i) for i in range(len(item))]
        elif isinstance(item, list | tuple):
            stack += list(item)
    return found


def _changed_keys(old: object, new: object) -> set[str]:
    if not isinstance(old, generic.DictionaryObject) or not isinstance(
        new, generic.DictionaryObject
    ):
        return {"*"}
    keys = set(old) | set(new)
    return {
        str(k)
        for k in keys
        if (k in old) != (k in new) or (k in old and old.raw_get(k) != new.raw_get(k))
    }


def _ref_list(value: object, resolver: HistoricalResolver) -> list[generic.Reference] | None:
    """An array of references (/Fields, /Annots), direct or indirect; None if not one."""
    ref = _ref(value)
    if ref is not None:
        value = resolver(ref)
    if value is None or isinstance(value, generic.NullObject):
        return []
    if not isinstance(value, generic.ArrayObject):
        return None
    refs = [_ref(value.raw_get(i)) for i in range(len(value))]
    return None if any(r is None for r in refs) else [r for r in refs if r is not None]


def _appended(old: list[generic.Reference] | None, new: list[generic.Reference] | None,
              allowed: set[generic.Reference]) -> bool:  # fmt: skip
    """``new`` is ``old`` with only references in ``allowed`` added (in any place)."""
    if old is None or new is None:
        return False
    rest = list(new)
    for ref in old:
        if ref not in rest:
            return False
        rest.remove(ref)
    return set(rest) <= allowed


def page_numbers(reader: PdfFileReader) -> dict[int, int]:
    """Object number of each page → its page number (from 1)."""
    numbers: dict[int, int] = {}
    try:
        count = int(reader.root["/Pages"]["/Count"])
        for index in range(count):
            ref = reader.find_page_for_modification(index)[0]
            numbers[ref.idnum] = index + 1
    except READ_ERRORS:
        pass  # a broken page tree: the explanation stays general
    return numbers


def _page_of(obj: generic.DictionaryObject, ref: generic.Reference,
             resolver: HistoricalResolver, pages: dict[int, int]) -> int | None:  # fmt: skip
    """The page an annotation or field is on: its /P, else the page whose /Annots lists it."""
    target = _ref(obj.raw_get("/P")) if "/P" in obj else None
    if target is not None and target.idnum in pages:
        return pages[target.idnum]
    for idnum, number in pages.items():
        try:
            page = resolver(generic.Reference(idnum, 0))
            annots = _ref_list(page.raw_get("/Annots"), resolver) if "/Annots" in page else []
        except READ_ERRORS:
            continue
        if annots and ref in annots:
            return number
    return None


def describe(ref: generic.Reference, resolver: HistoricalResolver, pages: dict[int, int]) -> str:
    """One object in words: which page, form field (its name and page), annotation, catalog."""
    n = ref.idnum
    if n in pages:
        return f"第 {pages[n]} 页（对象 {n}）"
    try:
        obj = resolver(ref)
    except READ_ERRORS:
        return f"对象 {n}"
    if not isinstance(obj, generic.DictionaryObject):
        return f"对象 {n}"
    kind = str(obj.get("/Type", "")) if "/Type" in obj else ""
    on_page = ""
    if "/FT" in obj or "/T" in obj or "/Rect" in obj:
        page = _page_of(obj, ref, resolver, pages)
        on_page = f"，第 {page} 页" if page else ""
    if "/FT" in obj or "/T" in obj:
        what = "签名域" if str(obj.get("/FT", "")) == "/Sig" else "表单域"
        return f"{what}「{obj.get('/T', '?')}」（对象 {n}{on_page}）"
    if "/Rect" in obj or kind == "/Annot":
        return f"批注 {obj.get('/Subtype', '')}（对象 {n}{on_page}）"
    if kind == "/Metadata":
        return f"XMP 元数据（对象 {n}）"
    if "/Producer" in obj or "/CreationDate" in obj or "/ModDate" in obj:
        return f"文档信息字典 /Info（对象 {n}）"
    if kind == "/Catalog":
        return f"文档目录 /Root（对象 {n}）"
    if kind == "/XObject" or "/BBox" in obj:
        return f"外观或图形对象（对象 {n}）"
    if kind in ("/Sig", "/DocTimeStamp"):
        return f"签名值（对象 {n}）"
    if "/Fields" in obj:
        return f"表单目录 /AcroForm（对象 {n}）"
    return f"对象 {n}"


def _bookkeeping(reader: PdfFileReader, revision: int) -> set[int]:
    """The revision's own cross-reference stream and object streams (containers: the objects
    in them are judged one by one)."""
    numbers = {ref.idnum for ref in reader.xrefs.object_streams_used_in(revision)}
    stream_ref = reader.xrefs.get_xref_container_info(revision).stream_ref
    if stream_ref is not None:
        numbers.add(stream_ref.idnum)
    return numbers


def _explicit_refs(reader: PdfFileReader, revision: int) -> list[generic.Reference]:
    skip = _bookkeeping(reader, revision)
    refs = reader.xrefs.explicit_refs_in_revision(revision)
    return sorted((r for r in refs if r.idnum not in skip), key=lambda r: r.idnum)


def _introduced(reader: PdfFileReader, ref: generic.Reference) -> int | None:
    try:
        return reader.xrefs.get_introducing_revision(ref)
    except KeyError:
        return None


def revision_changes(reader: PdfFileReader, revision: int, pages: dict[int, int]) -> list[str]:
    """Every object a revision adds, changes or frees, in words (for a revision that should
    not be there at all)."""
    try:
        refs = _explicit_refs(reader, revision)
        freed = reader.xrefs.refs_freed_in_revision(revision)
        resolver = reader.get_historical_resolver(revision)
    except READ_ERRORS:
        return ["无法读取其交叉引用表"]
    out = []
    for ref in refs:
        verb = "新增了" if _introduced(reader, ref) == revision else "改动了"
        if verb == "改动了":
            try:
                keys = _changed_keys(
                    reader.get_historical_resolver(revision - 1)(ref), resolver(ref)
                )
            except READ_ERRORS:
                keys = set()
            if "/V" in keys or "/AP" in keys:
                verb = "填写或改动了"
        out.append(verb + describe(ref, resolver, pages))
    out += [f"删除了对象 {ref.idnum}" for ref in sorted(freed, key=lambda r: r.idnum)]
    return out or ["一次空的修订（没有改动任何对象）"]


def _appearance_closure(
    reader: PdfFileReader, resolver: HistoricalResolver, roots: Iterable[object], revision: int
) -> set[generic.Reference]:
    """Objects new in ``revision`` reachable from ``roots`` (the field's /AP and /V): the
    signature's appearance streams, their fonts and resources, the signature value."""
    seen: set[generic.Reference] = set()
    stack = list(_refs_in(list(roots)))
    while stack:
        ref = stack.pop()
        if ref in seen or _introduced(reader, ref) != revision:
            continue  # an object made earlier is not part of this signature (and not followed)
        seen.add(ref)
        try:
            obj = resolver(ref)
        except READ_ERRORS:
            continue
        stack += _refs_in(obj)
    return seen


def dss_closure(reader: PdfFileReader, revision: int, signed: int) -> set[generic.Reference]:
    """The objects of the document security store (PAdES DSS: certificates, OCSP answers, CRLs,
    VRI) as of ``revision``: the /DSS dictionary and what it reaches, only objects made after
    revision ``signed`` (the last signature's): a DSS cannot hold, and so let change, anything
    a signature covers."""
    resolver = reader.get_historical_resolver(revision)
    root_ref = _ref(resolver.trailer_view.raw_get("/Root"))
    if root_ref is None:
        return set()
    catalog = resolver(root_ref)
    if not isinstance(catalog, generic.DictionaryObject) or "/DSS" not in catalog:
        return set()
    forbidden = {root_ref, *(generic.Reference(n, 0) for n in page_numbers(reader))}
    seen: set[generic.Reference] = set()
    stack = list(_refs_in(catalog.raw_get("/DSS")))
    while stack:
        ref = stack.pop()
        if ref in seen or ref in forbidden or (_introduced(reader, ref) or 0) <= signed:
            continue
        seen.add(ref)
        try:
            stack += _refs_in(resolver(ref))
        except READ_ERRORS:
            continue
    return seen


def archive_changes(reader: PdfFileReader, revision: int, pages: dict[int, int],
                    stamp: EmbeddedPdfSignature | None, signed: int) -> list[str]:  # fmt: skip
    """What a revision after the last signature changes besides archiving (PAdES B-LTA): the
    DSS (the catalog's /DSS, new objects of the DSS, the DSS's own dictionaries and arrays) and
    a document timestamp ``stamp`` signed in this revision (its field, as for a signature).
    ``signed``: the revision of the last signature. Empty: an archive revision only."""
    try:
        old = reader.get_historical_resolver(revision - 1)
        new = reader.get_historical_resolver(revision)
        refs = _explicit_refs(reader, revision)
        freed = reader.xrefs.refs_freed_in_revision(revision)
        root_ref = _ref(new.trailer_view.raw_get("/Root"))
        dss_old = dss_closure(reader, revision - 1, signed)
        dss_new = dss_closure(reader, revision, signed)
    except READ_ERRORS as error:
        return [f"无法读取修订：{error}"]
    if stamp is not None:
        # The timestamp's own revision: the rules of a signature's revision, plus the DSS.
        out = foreign_changes(reader, stamp, pages, dss=dss_new, dss_before=dss_old)
    else:
        out = []
        info_ref = _ref(new.trailer_view.raw_get("/Info")) if "/Info" in new.trailer_view else None
        catalog = new(root_ref) if root_ref is not None else None
        metadata_ref = (
            _ref(catalog.raw_get("/Metadata"))
            if isinstance(catalog, generic.DictionaryObject) and "/Metadata" in catalog
            else None
        )
        for ref in refs:
            is_new = _introduced(reader, ref) == revision
            if ref in dss_new and (is_new or ref in dss_old):
                continue
            if ref == root_ref:
                changed = _changed_keys(old(ref), new(ref))
                if not changed <= {"/DSS", "/Extensions"}:
                    extra = "、".join(sorted(changed - {"/DSS", "/Extensions"}))
                    out.append(f"改动了文档目录（/Root）的 {extra}")
                continue
            if ref == metadata_ref:
                continue  # XMP metadata (updated by pyHanko's writer)
            if ref == info_ref and not is_new:
                changed = _changed_keys(old(ref), new(ref))
                if not changed <= INFO_KEYS:
                    out.append(f"改动了文档信息字典（/Info）的 {'、'.join(sorted(changed))}")
                continue
            out.append(("新增了" if is_new else "改动了") + describe(ref, new, pages))
        out += [f"删除了对象 {ref.idnum}" for ref in sorted(freed, key=lambda r: r.idnum)]
    if not refs and not freed:
        out.append("一次空的修订（没有改动任何对象）")
    return out


def foreign_changes(reader: PdfFileReader, signature: EmbeddedPdfSignature,
                    pages: dict[int, int], *, dss: set[generic.Reference] | None = None,
                    dss_before: set[generic.Reference] | None = None) -> list[str]:  # fmt: skip
    """What the revision of ``signature`` adds or changes besides that signature, in words
    (empty: only the signature). ``dss``/``dss_before``: the DSS's objects after and before
    (a document timestamp's revision may update the DSS too)."""
    revision = signature.signed_revision
    if revision < 1:
        return []
    try:
        old = reader.get_historical_resolver(revision - 1)
        new = reader.get_historical_resolver(revision)
        refs = _explicit_refs(reader, revision)
        freed = reader.xrefs.refs_freed_in_revision(revision)
        field = signature.sig_field
        field_ref = field.container_ref
        old_trailer, new_trailer = old.trailer_view, new.trailer_view
        root_ref = _ref(new_trailer.raw_get("/Root"))
        old_root_ref = _ref(old_trailer.raw_get("/Root"))
        info_ref = _ref(new_trailer.raw_get("/Info")) if "/Info" in new_trailer else None
        old_info = _ref(old_trailer.raw_get("/Info")) if "/Info" in old_trailer else None
    except READ_ERRORS as error:
        return [f"无法读取签名所在的修订：{error}"]
    if not isinstance(field_ref, generic.Reference):
        field_ref = _ref(field_ref)
    out: list[str] = []
    if root_ref is None or root_ref != old_root_ref:
        out.append("换了文档目录（/Root）")
        return out
    catalog = new(root_ref)
    old_catalog = old(root_ref)
    kids = _ref_list(field.raw_get("/Kids"), new) if "/Kids" in field else []
    widgets = {r for r in [field_ref, *(kids or [])] if r is not None}
    roots: list[object] = [field.raw_get(k) for k in ("/AP", "/V") if k in field]
    for kid in kids or []:
        kid_obj = new(kid)
        if isinstance(kid_obj, generic.DictionaryObject) and "/AP" in kid_obj:
            roots.append(kid_obj.raw_get("/AP"))
    own = _appearance_closure(reader, new, roots, revision) | widgets
    acroform_ref = _ref(catalog.raw_get("/AcroForm")) if "/AcroForm" in catalog else None
    metadata_ref = _ref(catalog.raw_get("/Metadata")) if "/Metadata" in catalog else None
    annots_arrays = set()
    for idnum in pages:
        page = old(generic.Reference(idnum, 0))
        if isinstance(page, generic.DictionaryObject) and "/Annots" in page:
            array_ref = _ref(page.raw_get("/Annots"))
            if array_ref is not None:
                annots_arrays.add(array_ref)

    def acroform_ok(before: object, after: object) -> bool:
        if not isinstance(after, generic.DictionaryObject):
            return False
        if before is None or isinstance(before, generic.NullObject):
            before = generic.DictionaryObject()
        if not _changed_keys(before, after) <= ACROFORM_KEYS:
            return False
        fields_before = _ref_list(before.raw_get("/Fields"), old) if "/Fields" in before else []
        fields_after = _ref_list(after.raw_get("/Fields"), new) if "/Fields" in after else []
        return _appended(fields_before, fields_after, {field_ref} if field_ref else set())

    for ref in refs:
        is_new = _introduced(reader, ref) == revision
        what = describe(ref, new, pages)
        if ref in own:
            if is_new:
                continue
            allowed = FIELD_KEYS if ref == field_ref else {"/AP"}
            if not _changed_keys(old(ref), new(ref)) <= allowed:
                out.append(f"改动了{what}中签名以外的内容")
            continue
        if dss is not None and ref in dss and (is_new or ref in (dss_before or set())):
            continue  # the archive's validation data (only with a document timestamp)
        if ref == root_ref:
            changed = _changed_keys(old_catalog, catalog)
            allowed_keys = CATALOG_KEYS | ({"/DSS"} if dss is not None else set())
            if not changed <= allowed_keys:
                extra = "、".join(sorted(changed - allowed_keys))
                out.append(f"改动了文档目录（/Root）的 {extra}")
            elif "/AcroForm" in changed and acroform_ref is None:
                ok = acroform_ok(old_catalog.get("/AcroForm"), catalog.get("/AcroForm"))
                if not ok:
                    out.append("改动了文档目录中的表单目录（/AcroForm）")
            continue
        if ref == acroform_ref:
            before = old(ref) if not is_new else None
            if not acroform_ok(before, new(ref)):
                out.append(f"改动了{what}（除增加本签名域外）")
            continue
        if ref == metadata_ref or (ref == info_ref and is_new and old_info is None):
            continue  # XMP metadata (updated by pyHanko's writer), or a new /Info
        if ref == info_ref and ref == old_info:
            changed = _changed_keys(old(ref), new(ref))
            if not changed <= INFO_KEYS:
                extra = "、".join(sorted(changed - INFO_KEYS))
                out.append(f"改动了文档信息字典（/Info）的 {extra}")
            continue
        if ref.idnum in pages and not is_new:
            before, after = old(ref), new(ref)
            changed = _changed_keys(before, after)
            annots_before = _ref_list(before.raw_get("/Annots"), old) if "/Annots" in before else []
            annots_after = _ref_list(after.raw_get("/Annots"), new) if "/Annots" in after else []
            if not changed <= {"/Annots"} or not _appended(annots_before, annots_after, widgets):
                out.append(f"改动了{what}（除增加本签名的控件外）")
            continue
        if ref in annots_arrays and not is_new:
            if not _appended(_ref_list(old(ref), old), _ref_list(new(ref), new), widgets):
                out.append(f"改动了{what}（页面的批注列表，除增加本签名的控件外）")
            continue
        out.append(("新增了" if is_new else "改动了") + what)
    if info_ref != old_info and not (old_info is None and info_ref is not None):
        out.append("换了文档信息字典（/Info）")
    out += [f"删除了对象 {ref.idnum}" for ref in sorted(freed, key=lambda r: r.idnum)]
    return out


def form_fields(reader: PdfFileReader, pages: dict[int, int]) -> list[str]:
    """Every form field that is not a signature field (in the AcroForm's /Fields or a widget
    on a page), in words: a record, an interview record or an order has none."""
    found: dict[int, str] = {}
    resolver = reader.get_historical_resolver(reader.xrefs.total_revisions - 1)
    candidates: list[generic.Reference] = []
    try:
        root = reader.root
        if "/AcroForm" in root:
            form = root["/AcroForm"]
            candidates += _ref_list(form.raw_get("/Fields"), resolver) or []
        for idnum in pages:
            page = resolver(generic.Reference(idnum, 0))
            if "/Annots" in page:
                candidates += _ref_list(page.raw_get("/Annots"), resolver) or []
    except READ_ERRORS:
        return ["无法读取表单目录"]
    seen: set[generic.Reference] = set()
    while candidates:
        ref = candidates.pop()
        if ref in seen:
            continue
        seen.add(ref)
        try:
            obj = resolver(ref)
            if not isinstance(obj, generic.DictionaryObject):
                continue
            kids = _ref_list(obj.raw_get("/Kids"), resolver) if "/Kids" in obj else []
            candidates += kids or []
            kind = obj.get("/FT")
            if kind is None and "/Parent" in obj:
                kind = obj["/Parent"].get("/FT")
        except READ_ERRORS:
            continue
        if kind is not None and str(kind) != "/Sig" and not kids:
            found[ref.idnum] = describe(ref, resolver, pages)
    return [found[n] for n in sorted(found)]


def stray_bytes(reader: PdfFileReader, data: bytes, signed_end: int, revision: int) -> int:
    """How many bytes other than white space lie between a signature's signed end and the first
    object of the next revision: data no cross-reference section names (a viewer that rebuilds
    a damaged file's cross-references could still read objects there)."""
    offsets = []
    for ref in reader.xrefs.explicit_refs_in_revision(revision):
        where = reader.xrefs.get_historical_ref(ref, revision)
        if isinstance(where, int):
            offsets.append(where)
    start = min(offsets, default=reader.xrefs.get_xref_container_info(revision).start_location)
    return len(data[signed_end:start].strip(b" \t\r\n\x00\x0c"))
