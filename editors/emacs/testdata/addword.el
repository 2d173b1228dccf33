;;; addword.el --- liaison's "Add … to the project's words" through Eglot, in batch mode  -*- lexical-binding: t; -*-

;; Run by addword_e2e_test.go as
;;   emacs --batch -l addword.el
;; with LIAISON_BIN (the server), LIAISON_FILE (a Markdown file with one
;; misspelling) and LIAISON_RESULT (where to write what happened, as JSON).
;; Opens the file, runs the code action "Add … to the project's words" as
;; Eglot runs any server command (workspace/executeCommand: the server
;; writes the words file; no client code), and waits for the diagnostic to
;; go.

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

;; A stand-in for go-mode (not part of Emacs 28): a mode of that name is
;; all Eglot needs to map it.
(unless (fboundp 'go-mode)
  (define-derived-mode go-mode prog-mode "Go"))

(defun e2e-run ()
  "The test."
  (unless (fboundp 'markdown-mode)
    (define-derived-mode markdown-mode text-mode "Markdown"))
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
  (setq liaison-eglot-program (getenv "LIAISON_BIN")
        liaison-eglot-settings '(:debounceMs 0)
        eglot-sync-connect t
        eglot-autoshutdown nil
        flymake-no-changes-timeout nil)
  (liaison-eglot-setup)
  (e2e-step "setup")

  (find-file (getenv "LIAISON_FILE"))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (e2e-wait "Eglot to connect" #'eglot-current-server)))
    (e2e-step "connected")
    (let* ((diag (car (e2e-wait "a Flymake diagnostic"
                                (lambda () (flymake-start) (e2e-liaison-diagnostics)))))
           (beg (flymake-diagnostic-beg diag))
           (end (flymake-diagnostic-end diag)))
      (e2e-step "diagnostic")
      (let* ((actions (eglot-code-actions beg end "quickfix"))
             (add (or (cl-find-if (lambda (a) (string-match-p "to the project's words\\'" (plist-get a :title))) actions)
                      (error "No add-word action among %S" (mapcar (lambda (a) (plist-get a :title)) actions))))
             (command (or (plist-get add :command) (error "The add-word action has no command"))))
        (setq e2e-result (plist-put e2e-result :actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
        (setq e2e-result (plist-put e2e-result :applied (plist-get add :title)))
        ;; As Eglot runs the command of a chosen action.
        (if (fboundp 'eglot-execute)
            (eglot-execute server add)
          (eglot-execute-command server (plist-get command :command) (plist-get command :arguments)))))
    (e2e-step "added")
    (e2e-wait "the diagnostic to clear" (lambda () (flymake-start) (null (e2e-liaison-diagnostics))))
    (setq e2e-result (plist-put e2e-result :cleared t))
    (e2e-step "cleared")
    (eglot-shutdown server)
    (e2e-step "shutdown")))

(condition-case err
    (progn
      (e2e-run)
      (setq e2e-result (plist-put e2e-result :ok t))
      (e2e-write)
      (kill-emacs 0))
  (error
   (setq e2e-result (plist-put e2e-result :error (error-message-string err)))
   (e2e-write)
   (message "e2e: failed: %s" (error-message-string err))
   (kill-emacs 1)))

;;; addword.el ends here
