;;; disable.el --- liaison's disable action and sourceCode through Eglot, in batch mode  -*- lexical-binding: t; -*-

;; Run by disable_e2e_test.go as
;;   emacs --batch -l disable.el
;; with LIAISON_BIN (the server), LIAISON_FILE (a Markdown file with one
;; problem), LIAISON_GO_FILE (a Go file with the problem in a comment) and
;; LIAISON_RESULT (where to write what happened, as JSON).  Opens the
;; Markdown file, applies "Disable liaison-verb for this line" from
;; eglot-code-actions, saves and waits for the diagnostic to go; then opens
;; the Go file, whose comments liaison checks because
;; liaison-eglot-source-code turns Go on, and waits for its diagnostic.

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
  (add-to-list 'auto-mode-alist '("\\.go\\'" . go-mode))
  (setq liaison-eglot-program (getenv "LIAISON_BIN")
        liaison-eglot-settings '(:debounceMs 0)
        liaison-eglot-source-code '("go")
        liaison-eglot-modes (append liaison-eglot-modes '((go-mode :language-id "go")))
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
             (disable (or (cl-find-if (lambda (a) (string-match-p "\\`Disable .* for this line\\'" (plist-get a :title))) actions)
                          (error "No disable action among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))))
        (setq e2e-result (plist-put e2e-result :actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
        (setq e2e-result (plist-put e2e-result :applied (plist-get disable :title)))
        (eglot--apply-workspace-edit (plist-get disable :edit))))
    (save-buffer)
    (e2e-step "disabled")
    (e2e-wait "the diagnostic to clear" (lambda () (flymake-start) (null (e2e-liaison-diagnostics))))
    (setq e2e-result (plist-put e2e-result :cleared t))
    (e2e-step "cleared")

    ;; Source code: checked because liaison-eglot-source-code sends Go.
    ;; In a project of its own, so that its server is started for go-mode
    ;; and sends the language id "go" (Eglot before 1.16 gives a server
    ;; one language id, its first mode's).
    (find-file (getenv "LIAISON_GO_FILE"))
    (unless (eq major-mode 'go-mode)
      (error "The Go file opened in %s" major-mode))
    (apply #'eglot (eglot--guess-contact))
    (let ((go-server (e2e-wait "Eglot to manage the Go buffer" #'eglot-current-server)))
      (when (eq go-server server)
        (error "The Go file shares the Markdown file's server"))
      (let ((diag (car (e2e-wait "a diagnostic in the Go comment"
                                 (lambda () (flymake-start) (e2e-liaison-diagnostics))))))
        (setq e2e-result (plist-put e2e-result :go_matched
                                    (buffer-substring-no-properties (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag)))))
      (e2e-step "source code")
      (eglot-shutdown go-server))
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

;;; disable.el ends here
