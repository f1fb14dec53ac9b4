# Hamish's English messages that take numbers (every other English string is in the code).
annotations-heading = Annotations ({ $n })
search-hits = { $n ->
    [0] no hits
    [one] 1 hit
   *[other] { $n } hits
}
search-hit-of = { $k } of { $n }
texts-listed = { $shown } of { $total } texts listed
texts-read = { $read } of { $total } texts read so far
scan-stopped = Stopped: { $read } of { $total } texts read
folder-hits = { $n } hit(s) in the folder
status-saved = { $n } annotations, saved
status-unsaved = { $n } annotations, unsaved changes
selection-chars = { $start }–{ $end } ({ $n } chars)
caret-at = caret at { $at }
annotation-heading = Annotation { $id }
created-at = Created: { $time }
modified-at = Modified: { $time }
document-counts = { $annotations } annotation(s), { $relations } relation(s).
linking-started = Linking { $id }: click the annotation at the other end (Esc cancels).
linking-bar = Linking { $id }: click the other annotation (Esc cancels)
annotations-here = { $n } annotations here; click again for the next.
agreement-annotators = Annotators: { $names }. Files as saved on disk.
agreement-measured = Agreement measured between { $names }.
reading-version = reading { $name }'s version
annotator-file = { $name }'s file
annotator-is = annotator: { $name }
preferences-not-saved = The preferences could not be saved: { $error }
export-dialog-title = Export as { $format }: choose a folder
import-dialog-title = Import { $format }
no-label-for-key = No label has the key { $key } in the schema “{ $schema }”.
exported-nothing-lost = Exported: { $files }. Nothing was lost.
exported-with-losses = Exported: { $files }. { $n } thing(s) could not be represented:
imported = Imported { $n } annotation(s) (Ctrl+Z undoes it).
imported-with-losses = Imported { $n } annotation(s) (Ctrl+Z undoes it); { $lost } thing(s) could not be read:
delete-label = Delete label { $n }
label-details = Description and attributes of label { $n }
delete-attribute = Delete Label { $n } attribute { $a }
add-attribute = Add attribute to label { $n }
delete-relation = Delete relation { $n }
saved-annotations = Saved { $n } annotation(s) to { $path }.
no-hits-to-label = No hits to label.
hits-already-labelled = All { $n } hit(s) already carry the label { $label }.
hits-labelled = Labelled { $n } hit(s) as { $label }{ $skipped ->
    [0] {""}
   *[other] ; { $skipped } already carried it and were skipped
}. One undo removes them all.
last-text = This is the last text in the list.
first-text = This is the first text in the list.
schema-followed = The open text uses it now, and the folder's other texts will when they open ({ $name }).
schema-saved = Saved the schema “{ $schema }” to { $path }.
preset-chosen = The folder's schema is now “{ $schema }”, written to { $path }.
sidecar-unreadable-text-shown = { $place }: the annotation file cannot be read: { $detail }; fix the text there (or restore it from version control). The text is shown without its annotations; saving is refused until that file reads again (fix it, or move it away and reopen).

recovery-offer = Unsaved annotations were found from a session that did not close: { $file }. Restore them, discard them, or decide later (they are offered again on the next open; autosave waits until you decide).
recovery-offer-aged = Unsaved annotations were found from a session that did not close ({ $age } ago): { $file }. Restore them, discard them, or decide later (they are offered again on the next open; autosave waits until you decide).
duration-seconds = { $n } s
duration-minutes = { $n } min
duration-hours = { $n } h
duration-days = { $n } days

# Warnings and confirmations of the application layer (workspace messages with a key; the code's
# English text is the same).
project-file-unreadable = { $error }. The shared annotations file is used until the project file reads.
sample-opened = This is the bundled sample, opened from a copy at { $path }; annotations are saved next to that copy. Open your own file to keep your work.
annotator-version-opened = This is { $annotator }'s version of { $name }, opened to look at: it cannot be changed here.
unsaved-kept = { $name } had unsaved annotations; they are kept in its recovery file and offered when you open it again.
unsaved-not-kept = { $name } had unsaved annotations that could not be kept: { $error }
sidecar-unreadable-shown = { $error }. The text is shown without its annotations; saving is refused until that file reads again (fix it, or move it away and reopen).
bytes-replaced = { $n } byte(s) could not be decoded as { $encoding } and show as �. If the text looks wrong, reopen it with another encoding.
ranges-misfit = { $n } annotation(s) in { $path } have ranges that do not fit the text (reversed, or past its end): { $ids }. They are listed as orphans, not drawn; place them again or remove them.
text-changed-reanchored = The text changed since the annotations in { $path } were saved: { $stayed } stayed, { $moved } moved, { $review } need review (outlined), { $orphans } orphaned (listed, not drawn). Save to keep the new positions.
restored-from-recovery = Restored { $n } annotation(s) from the recovery file; save to keep them.
recovery-not-removed = The recovery file could not be removed ({ $error }); it will be offered again.
conflict-changed = Not saved over { $path }: the annotations file changed on disk; your version was saved as { $copy }. Compare the two, or overwrite the file on disk (it is kept as .bak).
conflict-created = Not saved over { $path }: an annotations file appeared on disk after this one was opened; your version was saved as { $copy }. Compare the two, or overwrite the file on disk (it is kept as .bak).
conflict-unparseable = Not saved over { $path }: the annotations file on disk cannot be read; your version was saved as { $copy }. Compare the two, or overwrite the file on disk (it is kept as .bak).
autosave-failed = Autosave failed: { $error }. Save now.
first-text-not-opened = { $error }
labels-left-out-of-schema = { $n } annotation(s) have a label the schema no longer has: they are kept, drawn grey and listed under the labels.
schema-kept = The open text keeps the schema “{ $schema }”: its annotations were made with it ({ $name }). Texts without annotations use the folder's schema.
deleted-with-links = Deleted annotation { $id } and the { $links } link(s) it had; undo brings them back.
nothing-to-undo = Nothing to undo.
nothing-to-redo = Nothing to redo.
page-written = Page written to { $path }.
linked = Linked { $from } to { $to } ({ $name }); Ctrl+Z undoes it.
font-without-arabic = { $path } has no Arabic letters, so it is only used for characters the other fonts lack. Choose an Arabic font (e.g. Amiri) to change how the text looks.
font-refused = { $detail }. Choose a TrueType or OpenType font file (.ttf, .otf).
losses-more = … and { $n } more
encoding-guessed = { $name } (guessed)
batch-reanchored = { $path }: the text changed since it was saved; re-anchored for this run: { $stayed } stay, { $moved } move, { $review } need review, { $orphans } orphans (left out)
batch-misfits = { $path }: annotation(s) { $ids } have ranges that do not fit the text (reversed, or past its end); left out
batch-replaced = { $path }: replaced (--force); the previous version is in { $backup }
batch-reserved-name = { $origin }: written as { $written } because { $wanted } is a name Hamish gives its own files
batch-same-name = { $origin }: written as { $written } because { $first } is also named { $wanted }
batch-recovery-busy = { $folder }: another export into this folder is running ({ $stage }); left alone
batch-recovery-completed = { $folder }: an earlier export was cut short while putting its files in place; { $done } remaining file(s) were put in place now
batch-recovery-completed-refused = { $folder }: an earlier export was cut short while putting its files in place; { $done } remaining file(s) were put in place now; not put in place: { $errors }
batch-recovery-cleared = { $folder }: an earlier export was cut short while writing; none of its files had been put in place, and its { $staged } staged file(s) were removed
agreement-left-out = Left out of the agreement: { $error }

# Between the items of a list of errors in one message.
list-separator = {"; "}
# Between the values of a list inside a sentence.
value-separator = {", "}
