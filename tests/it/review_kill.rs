//! Killing a writer in the middle of saving leaves a review file that loads: the old
//! one or the new one, never a torn one. The test binary re-executes itself with
//! `PARALLAX_TEST_WRITER` set to act as the writer, which saves in a loop until killed.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use parallax_core::review::Review;

const WRITER: &str = "PARALLAX_TEST_WRITER";
const NOTES: usize = 20;

/// The generations of the notes in id order. Each save changes one note, so a whole
/// file holds generation g for the first notes and g - 1 for the rest; anything else
/// means parts of two different saves.
fn generations(review: &Review, article: &str) -> Vec<u64> {
    let mut notes = review.notes_for(article);
    notes.sort_by_key(|n| n.id);
    let gens: Vec<u64> = notes
        .iter()
        .map(|n| n.text.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect();
    let whole = gens.windows(2).all(|w| w[0] >= w[1])
        && gens
            .first()
            .zip(gens.last())
            .is_none_or(|(a, b)| a - b <= 1);
    assert!(whole, "notes from different saves in one file: {gens:?}");
    gens
}

fn text(g: u64) -> String {
    format!("generation {g}\n{}", "padding ".repeat(200))
}

/// The writer: adds the notes, then rewrites them one save at a time, forever.
fn write_forever(dir: &Path) -> ! {
    let article = dir.join("article.txt").to_string_lossy().into_owned();
    let mut review = Review::load(&dir.join("review.toml")).expect("the writer loads the file");
    let bytes = fs::read(&article).unwrap();
    review.open_source(&article, &bytes);
    // Carry on where the killed writer stopped: the first note behind the newest.
    let gens = generations(&review, &article);
    let mut g = gens.first().copied().unwrap_or(1);
    let mut from = gens.iter().position(|&x| x < g).unwrap_or(gens.len());
    if from == NOTES {
        (g, from) = (g + 1, 0);
    }
    loop {
        let mut ids: Vec<u64> = review.notes_for(&article).iter().map(|n| n.id).collect();
        ids.sort_unstable();
        for i in from..NOTES {
            match ids.get(i) {
                Some(&id) => review.edit_note(id, &text(g)).unwrap(),
                None => {
                    let at = (i * 37) % (bytes.len() - 20);
                    review
                        .add_note(&article, at..at + 12, &text(g))
                        .map(|_| ())
                        .unwrap()
                }
            }
        }
        (g, from) = (g + 1, 0);
    }
}

#[test]
fn killing_the_writer_mid_save_never_tears_the_file() {
    if let Some(dir) = std::env::var_os(WRITER) {
        write_forever(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "The council voted to close the library on Fridays. Readers protested outside. ".repeat(40),
    )
    .unwrap();
    let article = article.to_string_lossy().into_owned();
    let exe = std::env::current_exe().unwrap();
    let mut loaded = 0;
    let mut last_seen = Vec::new();
    let mut progressed = 0;
    for round in 0..40u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "review_kill::killing_the_writer_mid_save_never_tears_the_file",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Vary the moment of the kill so it lands at different points of a save.
        std::thread::sleep(Duration::from_millis(20 + (round * 37) % 200));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        let mut review = Review::load(&dir.path().join("review.toml"))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        review.open_source(&article, &fs::read(&article).unwrap());
        assert!(
            review.notes_for(&article).iter().all(|n| n.span.is_some()),
            "round {round}"
        );
        let gens = generations(&review, &article);
        if gens != last_seen {
            progressed += 1;
        }
        last_seen = gens;
        loaded += 1;
    }
    assert_eq!(loaded, 40);
    // Writers killed while saving leave their temporary files; the review file is whole.
    assert!(
        progressed >= 5,
        "the writer saved in only {progressed} of 40 rounds; the kills tested little"
    );
}
