//! Embeds every `locales/<language>/*.ftl` file into the binary, so that a kiosk never depends on
//! files installed next to it and a new `.ftl` file needs no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let locales = manifest.join("../../locales").canonicalize()?;
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut out =
        String::from("/// (language folder, [(file name, contents)]) for every locale.\n");
    out.push_str("pub(crate) static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n");
    for language in sorted_entries(&locales)? {
        if !language.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", language.display());
        let name = file_name(&language)?;
        writeln!(out, "    ({name:?}, &[")?;
        for file in sorted_entries(&language)? {
            if file.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let display = file.display().to_string();
            writeln!(
                out,
                "        ({:?}, include_str!({display:?})),",
                file_name(&file)?
            )?;
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR")?).join("locales.rs"), out)?;
    Ok(())
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort();
    Ok(entries)
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("not a UTF-8 file name: {}", path.display()))
}
