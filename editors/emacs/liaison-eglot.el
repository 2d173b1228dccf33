;;; liaison-eglot.el --- The liaison language server in Eglot  -*- lexical-binding: t; -*-

;; Copyright (c) 2026 The liaison authors
;; SPDX-License-Identifier: MIT

;; Author: The liaison authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, wp, tools

;;; Commentary:

;; liaison checks English usage in Markdown, plain text, LaTeX, HTML,
;; AsciiDoc, reStructuredText, Org, Typst and commit messages: it flags
;; "liaison" used as a verb and offers "liaise", and more usage rules that
;; know each word's part of speech.  This file tells Eglot how to start
;; `liaison serve' for those buffers, and what to send it as
;; settings.
;;
;;   (require 'liaison-eglot)
;;   (liaison-eglot-setup)                    ; register with Eglot
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;
;; Settings go to the server both as initializationOptions (from
;; `liaison-eglot-settings') and, whenever the server asks, from the
;; :liaison section of `eglot-workspace-configuration', which can also be
;; set per project in .dir-locals.el.  See README.md beside this file.

;;; Code:

(require 'eglot)

(defgroup liaison-eglot nil
  "The liaison English usage checker, through Eglot."
  :group 'eglot
  :prefix "liaison-eglot-")

(defcustom liaison-eglot-program "liaison"
  "The liaison executable: a name looked up in `exec-path', or a file name."
  :type 'string)

(defcustom liaison-eglot-log-level "info"
  "How much `liaison serve' logs to the Eglot events buffer's stderr."
  :type '(choice (const "debug") (const "info") (const "warn") (const "error")))

(defcustom liaison-eglot-modes
  '(markdown-mode
    (gfm-mode :language-id "markdown")
    (markdown-ts-mode :language-id "markdown")
    (latex-mode :language-id "latex")
    (LaTeX-mode :language-id "latex")
    (html-mode :language-id "html")
    (mhtml-mode :language-id "html")
    (adoc-mode :language-id "asciidoc")
    (rst-mode :language-id "restructuredtext")
    (org-mode :language-id "org")
    (typst-ts-mode :language-id "typst")
    (typst-mode :language-id "typst")
    (git-commit-elisp-text-mode :language-id "git-commit")
    (git-commit-ts-mode :language-id "git-commit")
    (text-mode :language-id "plaintext"))
  "Major modes whose buffers liaison checks, as in `eglot-server-programs'.
An entry is a mode, or (MODE :language-id ID); modes derived from
`text-mode' that are not listed are sent as plain text.  Source code is
not prose by default: add a mode (for example (go-mode :language-id
\"go\")) to check its comments."
  :type '(repeat (choice symbol (list symbol (const :language-id) string))))

(defcustom liaison-eglot-settings nil
  "liaison's settings, sent as initializationOptions when the server starts.
A plist, for example:

  (:debounceMs 150
   :rules (:liaison-verb \"error\" :atm-machine :json-false)
   :categories (:redundancy :json-false))

A rule maps to :json-false (off) or a severity: \"error\",
\"warning\", \"info\" or \"hint\".  `liaison rules' lists the rule
ids and categories.  Settings in the :liaison section of
`eglot-workspace-configuration' apply on top of these."
  :type 'plist)

(defcustom liaison-eglot-source-code nil
  "Source-code languages whose comments liaison checks, as language ids.
For example \\='(\"go\" \"python\").  Code is not prose by default: a
language is checked only when it is listed here (sent as the
sourceCode setting) or in the project's .liaison.yaml (source-code:),
and its mode is in `liaison-eglot-modes'."
  :type '(repeat string))

(defun liaison-eglot--initialization-options (_server)
  "The initializationOptions for a new liaison server."
  (let ((settings (copy-sequence liaison-eglot-settings)))
    (when liaison-eglot-source-code
      (setq settings (plist-put settings :sourceCode (vconcat liaison-eglot-source-code))))
    (or settings (make-hash-table))))

(defun liaison-eglot-contact (&optional _interactive)
  "The command that starts the liaison language server, for Eglot."
  (list liaison-eglot-program "serve" "--stdio" "--log-level" liaison-eglot-log-level
        :initializationOptions #'liaison-eglot--initialization-options))

;;;###autoload
(defun liaison-eglot-setup ()
  "Register liaison with Eglot for the modes in `liaison-eglot-modes'."
  (interactive)
  (setq eglot-server-programs
        (cons (cons liaison-eglot-modes #'liaison-eglot-contact)
              (seq-remove (lambda (entry) (eq (cdr entry) #'liaison-eglot-contact))
                          eglot-server-programs))))

(provide 'liaison-eglot)
;;; liaison-eglot.el ends here
