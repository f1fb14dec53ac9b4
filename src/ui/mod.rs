//! The eframe window: the document view, panels and the commands they emit.
