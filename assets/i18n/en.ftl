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
