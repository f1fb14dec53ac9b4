//! A plain 8-bit RGBA image and its PNG encoding. Units: pixels; rows top to bottom.

use super::error::RenderError;
use std::path::Path;

/// An 8-bit RGBA image, non-premultiplied, row-major.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub pixels: Vec<u8>,
}

impl RgbaImage {
    /// An image filled with one colour.
    pub fn filled(width: u32, height: u32, rgba: [u8; 4]) -> Self {
        let count = (width as usize) * (height as usize);
        let mut pixels = Vec::with_capacity(count * 4);
        for _ in 0..count {
            pixels.extend_from_slice(&rgba);
        }
        Self {
            width,
            height,
            pixels,
        }
    }

    /// The pixel at (`x`, `y`), or `None` outside the image.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = ((y as usize) * (self.width as usize) + x as usize) * 4;
        Some([
            self.pixels[i],
            self.pixels[i + 1],
            self.pixels[i + 2],
            self.pixels[i + 3],
        ])
    }

    /// Blends `color` over the pixel at (`x`, `y`) with `coverage` (0–255) as alpha; pixels
    /// outside the image are ignored.
    pub fn blend(&mut self, x: i64, y: i64, color: [u8; 3], coverage: u8) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return;
        }
        let i = ((y as usize) * (self.width as usize) + x as usize) * 4;
        let a = u32::from(coverage);
        for (c, &src) in color.iter().enumerate() {
            let dst = u32::from(self.pixels[i + c]);
            self.pixels[i + c] = ((dst * (255 - a) + u32::from(src) * a + 127) / 255) as u8;
        }
    }

    /// The image encoded as PNG bytes (deterministic for equal pixels).
    pub fn encode_png(&self) -> Result<Vec<u8>, png::EncodingError> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header()?;
            writer.write_image_data(&self.pixels)?;
        }
        Ok(out)
    }

    /// Writes the image as a PNG file.
    pub fn write_png(&self, path: &Path) -> Result<(), RenderError> {
        let err = |reason: String| RenderError::WritePng {
            path: path.to_owned(),
            reason,
        };
        let bytes = self.encode_png().map_err(|e| err(e.to_string()))?;
        std::fs::write(path, bytes).map_err(|e| err(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blend_mixes_by_coverage_and_ignores_outside() {
        let mut image = RgbaImage::filled(2, 1, [255, 255, 255, 255]);
        image.blend(0, 0, [0, 0, 0], 255);
        image.blend(1, 0, [0, 0, 0], 128);
        image.blend(5, 0, [0, 0, 0], 255);
        image.blend(-1, 0, [0, 0, 0], 255);
        assert_eq!(image.pixel(0, 0), Some([0, 0, 0, 255]));
        assert_eq!(image.pixel(1, 0), Some([127, 127, 127, 255]));
    }

    #[test]
    fn png_round_trips_through_the_decoder() {
        let mut image = RgbaImage::filled(3, 2, [10, 20, 30, 255]);
        image.blend(2, 1, [200, 0, 0], 255);
        let bytes = image.encode_png().unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(&buf[..info.buffer_size()], &image.pixels[..]);
    }

    #[test]
    fn unwritable_path_names_the_file() {
        let image = RgbaImage::filled(1, 1, [0, 0, 0, 255]);
        let err = image
            .write_png(Path::new("/nonexistent/dir/out.png"))
            .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/dir/out.png"));
    }
}
