//! A drawn card as PNG bytes, lossless and as small as is cheap: an
//! indexed (palette) PNG when the card has at most 256 colours (a
//! country's or a locality's card, with few statuses, usually has about
//! 250: flat fills and anti-aliased text), else RGB. Never quantised: the
//! decoded pixels are exactly the drawn ones, so text stays as drawn.
//!
//! Rows are not filtered: the filters predict a byte from its neighbours
//! by arithmetic, which palette indices do not follow, and a card's flat
//! fills repeat exactly, which deflate finds unfiltered; unfiltered rows
//! measured smaller and faster than adaptive ones for palette and RGB
//! cards alike (the commit that made this file gives the figures).

use rustc_hash::FxHashMap;

/// How one image's pixels are stored.
enum Pixels {
    /// Palette entries (RGB triples) and one index per pixel.
    Indexed { palette: Vec<u8>, indices: Vec<u8> },
    /// Three bytes per pixel.
    Rgb(Vec<u8>),
}

/// `rgba` (opaque pixels, four bytes each) of a `width` x `height` image
/// as a PNG, written to `w`.
pub(super) fn write(
    rgba: &[u8],
    width: u32,
    height: u32,
    w: &mut dyn std::io::Write,
) -> Result<(), png::EncodingError> {
    let mut encoder = png::Encoder::new(w, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    encoder.set_filter(png::Filter::NoFilter);
    let data = match pixels(rgba) {
        Pixels::Indexed { palette, indices } => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indices
        }
        Pixels::Rgb(rgb) => {
            encoder.set_color(png::ColorType::Rgb);
            rgb
        }
    };
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()
}

/// The pixels as indices into a palette when there are at most 256
/// colours, else as RGB (the alpha byte dropped: every pixel is opaque).
fn pixels(rgba: &[u8]) -> Pixels {
    match indexed(rgba) {
        Some((palette, indices)) => Pixels::Indexed { palette, indices },
        None => Pixels::Rgb(
            rgba.chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect(),
        ),
    }
}

/// The palette (in order of first use) and each pixel's index in it;
/// none past 256 colours. Runs of one colour (most of a card) skip the
/// look-up.
fn indexed(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut index: FxHashMap<[u8; 3], u8> = FxHashMap::default();
    let mut palette = Vec::with_capacity(3 * 256);
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    let mut last: Option<([u8; 3], u8)> = None;
    for p in rgba.chunks_exact(4) {
        let colour = [p[0], p[1], p[2]];
        let i = match last {
            Some((c, i)) if c == colour => i,
            _ => {
                let next = index.len();
                let i = match index.get(&colour) {
                    Some(&i) => i,
                    None => {
                        let i = u8::try_from(next).ok()?;
                        index.insert(colour, i);
                        palette.extend_from_slice(&colour);
                        i
                    }
                };
                last = Some((colour, i));
                i
            }
        };
        indices.push(i);
    }
    Some((palette, indices))
}

#[cfg(test)]
mod tests {
    use super::write;

    /// A `width` x 2 image whose pixel `x` has colour `x` (distinct colours).
    fn image(width: u32) -> Vec<u8> {
        (0..2 * width)
            .flat_map(|i| {
                let x = i % width;
                [(x % 256) as u8, (x / 256) as u8, 7, 255]
            })
            .collect()
    }

    /// The PNG's stored colour type and its pixels, expanded to RGB.
    fn decode(bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a header");
        let stored = reader.info().color_type;
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let frame = reader.next_frame(&mut buf).expect("the pixels");
        buf.truncate(frame.buffer_size());
        (stored, buf)
    }

    #[test]
    fn up_to_256_colours_are_a_palette_more_are_rgb_and_both_keep_every_pixel() {
        for (width, stored) in [(256, png::ColorType::Indexed), (257, png::ColorType::Rgb)] {
            let rgba = image(width);
            let mut bytes = Vec::new();
            write(&rgba, width, 2, &mut bytes).expect("encoded");
            let (kind, rgb) = decode(&bytes);
            assert_eq!(kind, stored, "{width} colours");
            let want: Vec<u8> = rgba
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            assert_eq!(rgb, want, "{width} colours");
        }
    }
}
