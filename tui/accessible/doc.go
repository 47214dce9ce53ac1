// Package accessible is bascule's accessible mode: the wizard's steps as
// plain line prompts instead of the full-screen program, for screen readers,
// dumb terminals and input that is not a terminal (--accessible,
// ACCESSIBLE=1, TERM=dumb, or no terminal on stdin/stdout).
//
// The user chooses a scope (a phase of the cabinet, or a client found by
// typing part of its name or SIREN), sees its steps with their status,
// chooses one, then sets its status (fait, bloqué or sans objet with a
// reason, a note) or fills its capture form. Capture forms run in huh's
// accessible mode, form by form, built from the guide's own field
// definitions and validated by Field.Validate, so the French (or English)
// messages are the full-screen forms'. Lists longer than 20 choices turn
// into type-to-search. Output is plain text, one line at a time, with no
// escape sequences.
//
// Changes go through the same store API as the program (ApplyStep, with
// its gate checks); secrets typed into a form are sealed with PutSecret
// under a passphrase asked when first needed.
//
// It imports tui (the Store, Workspace and Secrets interfaces and shared
// helpers), checklist and store's errors; like tui it never imports
// connector adapters.
package accessible
