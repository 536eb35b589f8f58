//! Turning a laid-out document into PDF bytes with printpdf: subset fonts, one content stream per page, bookmarks, metadata.
//!
//! Reproducible by construction: resource names and bookmark ids are fixed, the dates come
//! from the document, and the file identifier is a hash of the content, so the same
//! document always gives the same bytes.

use super::fonts::Face;
use super::layout::{Colour, Document, Item, TextRun, PAGE_HEIGHT};
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{
    font::PdfFont, Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PageAnnotId, PageAnnotation, PaintMode,
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage,
    RawImageData, RawImageFormat, Rgb, TextItem, TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use std::collections::{BTreeMap, BTreeSet};

fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => "TrellisRegular",
            Face::Bold => "TrellisBold",
            Face::Fallback => "TrellisFallback",
        }
        .into(),
    )
}

/// The font with only the glyphs of `chars` (and `.notdef`), keeping a Unicode cmap.
fn subset_face(face: Face, chars: &BTreeSet<char>) -> ParsedFont {
    let metrics = face.metrics();
    let mut glyphs: Vec<u16> = std::iter::once(0).chain(chars.iter().filter_map(|c| metrics.glyph(*c))).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    let bytes = (|| {
        let data = ReadScope::new(face.bytes()).read::<FontData<'_>>().ok()?;
        let provider = data.table_provider(0).ok()?;
        subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()
    })()
    .expect("the shipped fonts subset (tested)");
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).expect("a subset of a shipped font parses");
    // A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4); fixed, for reproducible output.
    let tag = match face {
        Face::Regular => "TRLSRA",
        Face::Bold => "TRLSBA",
        Face::Fallback => "TRLSFA",
    };
    font.font_name = Some(format!("{tag}+{}", face.postscript_name()));
    font
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint { p: Point { x: Pt(x), y: Pt(PAGE_HEIGHT - y) }, bezier: false }
}

fn polygon(points: Vec<LinePoint>, mode: PaintMode) -> Op {
    Op::DrawPolygon {
        polygon: Polygon { rings: vec![PolygonRing { points }], mode, winding_order: WindingOrder::NonZero },
    }
}

/// Text state while writing one page, so that fonts and colours are set only when they change.
#[derive(Default)]
struct Pen {
    in_text: bool,
    font: Option<(Face, u32)>,
    fill: Option<Colour>,
}

impl Pen {
    fn fill(&mut self, ops: &mut Vec<Op>, c: Colour) {
        if self.fill != Some(c) {
            ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn end_text(&mut self, ops: &mut Vec<Op>) {
        if self.in_text {
            ops.push(Op::EndTextSection);
            self.in_text = false;
            self.font = None;
        }
    }

    fn text(&mut self, ops: &mut Vec<Op>, t: &TextRun) {
        if !self.in_text {
            ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        let size_key = (t.size * 100.0).round() as u32;
        if self.font != Some((t.face, size_key)) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(t.face)), size: Pt(t.size) });
            self.font = Some((t.face, size_key));
        }
        self.fill(ops, t.colour);
        let (sin, cos) = t.angle.to_radians().sin_cos();
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw([cos, sin, -sin, cos, t.x, PAGE_HEIGHT - t.y]) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(t.text.clone())] });
    }
}

fn page_ops(items: &[Item], logo: Option<&(XObjectId, usize, usize)>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 3);
    let mut pen = Pen::default();
    for item in items {
        if let Item::Text(t) = item {
            pen.text(&mut ops, t);
            continue;
        }
        pen.end_text(&mut ops);
        match item {
            Item::Text(_) => {}
            Item::Rect { x, y, w, h, fill, stroke } => {
                let corners = vec![point(*x, *y), point(x + w, *y), point(x + w, y + h), point(*x, y + h)];
                if let Some(f) = fill {
                    pen.fill(&mut ops, *f);
                }
                if let Some((c, width)) = stroke {
                    ops.push(Op::SetOutlineColor { col: colour(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                }
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Stroke,
                    _ => PaintMode::Fill,
                };
                if fill.is_some() || stroke.is_some() {
                    ops.push(polygon(corners, mode));
                }
            }
            Item::Line { points, colour: c, width, dash } => {
                ops.push(Op::SetOutlineColor { col: colour(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                if *dash {
                    ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[3.0, 2.0]) });
                }
                ops.push(Op::DrawLine {
                    line: Line { points: points.iter().map(|(x, y)| point(*x, *y)).collect(), is_closed: false },
                });
                if *dash {
                    ops.push(Op::SetLineDashPattern { dash: LineDashPattern::solid() });
                }
            }
            Item::Shape { points, fill } => {
                pen.fill(&mut ops, *fill);
                ops.push(polygon(points.iter().map(|(x, y)| point(*x, *y)).collect(), PaintMode::Fill));
            }
            Item::Logo { x, y, w, h } => {
                if let Some((id, pw, ph)) = logo {
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(PAGE_HEIGHT - y - h)),
                            scale_x: Some(w / *pw as f32),
                            scale_y: Some(h / *ph as f32),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                }
            }
        }
    }
    pen.end_text(&mut ops);
    ops
}

/// FNV-1a over the document's text and geometry: the file identifier.
fn fingerprint(doc: &Document) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
    };
    eat(doc.info.title.as_bytes());
    eat(doc.info.date.as_bytes());
    for page in &doc.pages {
        eat(&(page.items.len() as u64).to_le_bytes());
        for item in &page.items {
            if let Item::Text(t) = item {
                eat(t.text.as_bytes());
                eat(&t.x.to_le_bytes());
                eat(&t.y.to_le_bytes());
            }
        }
    }
    format!("{h:016x}{:016x}", h.rotate_left(29) ^ 0x7472656c6c6973)
}

fn date(text: &str) -> printpdf::OffsetDateTime {
    let parsed = time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or(time::macros::date!(1970 - 01 - 01));
    let unix = parsed.midnight().assume_utc().unix_timestamp();
    printpdf::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch"))
}

/// Writes the document as PDF bytes.
pub fn render(doc: &Document) -> Vec<u8> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                used.entry(t.face).or_default().extend(t.text.chars());
            }
        }
    }
    let mut pdf = PdfDocument::new(&doc.info.title);
    for (face, chars) in &used {
        pdf.resources.fonts.map.insert(font_id(*face), PdfFont::new(subset_face(*face, chars)));
    }
    let logo = doc.logo.as_ref().map(|l| {
        let id = XObjectId("TrellisLogo".into());
        let image = RawImage {
            pixels: RawImageData::U8(l.rgba.clone()),
            width: l.width,
            height: l.height,
            data_format: RawImageFormat::RGBA8,
            tag: Vec::new(),
        };
        pdf.resources.xobjects.map.insert(id.clone(), XObject::Image(image));
        (id, l.width, l.height)
    });
    pdf.pages =
        doc.pages.iter().map(|p| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(&p.items, logo.as_ref()))).collect();
    for (i, entry) in doc.outline.iter().enumerate() {
        pdf.bookmarks.map.insert(
            PageAnnotId(format!("TrellisOutline{i:04}")),
            PageAnnotation { name: entry.title.clone(), page: entry.page + 1 },
        );
    }
    let info = &mut pdf.metadata.info;
    info.author = doc.info.author.clone();
    info.creator = doc.info.creator.clone();
    info.producer = doc.info.creator.clone();
    info.subject = doc.info.subject.clone();
    info.creation_date = date(&doc.info.date);
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;

    let opts = PdfSaveOptions { optimize: true, subset_fonts: false, secure: true, image_optimization: None };
    let mut lo = pdf.to_lopdf_document(&opts, &mut Vec::new());
    let id = fingerprint(doc);
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![lopdf::Object::string_literal(id.clone()), lopdf::Object::string_literal(id)]),
    );
    // printpdf's info dictionary claims PDF/X and carries empty fields: keep what is true.
    if let Ok(info_id) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(dict) = lo.get_object_mut(info_id).and_then(|o| o.as_dict_mut()) {
            for key in ["GTS_PDFXVersion", "Identifier", "Trapped", "Keywords"] {
                dict.remove(key.as_bytes());
            }
        }
    }
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).expect("writing to memory cannot fail");
    out
}
