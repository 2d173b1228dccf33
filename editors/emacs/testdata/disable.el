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

(load (expand-file-name "e2e-common.el" (file-name-directory load-file-name)) nil t)

(defun e2e-run ()
  "The test."
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

(e2e-main #'e2e-run)

;;; disable.el ends here
