;;; e2e-common.el --- what the Eglot end-to-end scripts share  -*- lexical-binding: t; -*-

;; Loaded by e2e.el, addword.el and disable.el (each run by its Go test as
;; emacs --batch -l SCRIPT). Loads Eglot and liaison-eglot.el, gives the
;; scripts their report (e2e-result, e2e-step, written as JSON to
;; LIAISON_RESULT), a bounded wait, stand-ins for the major modes Emacs 28
;; lacks, and e2e-main, which runs a script's test and exits with its
;; outcome.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'flymake)
;; Eglot is Debian's elpa-eglot (activated by the site start files) or,
;; failing that, one that package.el installed.
(unless (locate-library "eglot")
  (require 'package)
  (package-initialize))
(require 'eglot)
(load (expand-file-name "../liaison-eglot.el" (file-name-directory load-file-name)) nil t)

(defvar e2e-result (list :ok :json-false :steps nil)
  "What happened, written to LIAISON_RESULT as JSON.")

(defun e2e-step (name)
  "Record that step NAME is reached."
  (setq e2e-result (plist-put e2e-result :steps (append (plist-get e2e-result :steps) (list name))))
  (message "e2e: %s" name))

(defun e2e-write ()
  "Write the result for the Go test."
  (let ((json-encoding-pretty-print t)
        (r (copy-sequence e2e-result)))
    (setq r (plist-put r :steps (vconcat (plist-get r :steps))))
    (with-temp-file (getenv "LIAISON_RESULT")
      (insert (json-encode r)))))

(defun e2e-wait (what pred &optional seconds)
  "Wait up to SECONDS (default 20) for PRED to return non-nil, else fail with WHAT."
  (let ((deadline (+ (float-time) (or seconds 20)))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out waiting for %s" what))))

(defun e2e-liaison-diagnostics ()
  "Flymake diagnostics in the current buffer that come from liaison."
  (flymake-diagnostics (point-min) (point-max)))

;; Users have markdown-mode from MELPA or elpa-markdown-mode, and go-mode
;; is not part of Emacs 28: a mode of each name is all Eglot needs to map.
(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown"))
(unless (fboundp 'go-mode)
  (define-derived-mode go-mode prog-mode "Go"))
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
(add-to-list 'auto-mode-alist '("\\.go\\'" . go-mode))

(defun e2e-main (run)
  "Call RUN, write the result and exit: 0 if RUN returned, 1 if it failed."
  (condition-case err
      (progn
        (funcall run)
        (setq e2e-result (plist-put e2e-result :ok t))
        (e2e-write)
        (kill-emacs 0))
    (error
     (setq e2e-result (plist-put e2e-result :error (error-message-string err)))
     (e2e-write)
     (message "e2e: failed: %s" (error-message-string err))
     (kill-emacs 1))))

(provide 'e2e-common)

;;; e2e-common.el ends here
