;;; e2e.el --- liaison through Eglot, end to end, in batch mode  -*- lexical-binding: t; -*-

;; Run by e2e_test.go as
;;   emacs --batch -l e2e.el
;; (batch mode reads no init file, but the site start files, so that
;; Debian's elpa-eglot is on the load path as it is for a user)
;; with LIAISON_BIN (the server), LIAISON_FILE (a Markdown file with one
;; problem) and LIAISON_RESULT (where to write what happened, as JSON).
;; Opens the file, starts Eglot with liaison-eglot's configuration, waits
;; for the Flymake diagnostic, asks for hover, applies the preferred quick
;; fix from eglot-code-actions, saves, and waits for the diagnostic to go.

;;; Code:

(load (expand-file-name "e2e-common.el" (file-name-directory load-file-name)) nil t)

(defun e2e-run ()
  "The test."
  (setq liaison-eglot-program (getenv "LIAISON_BIN")
        liaison-eglot-log-level "debug"
        liaison-eglot-settings '(:debounceMs 0)
        eglot-sync-connect t
        eglot-autoshutdown nil
        flymake-no-changes-timeout nil)
  (setq-default eglot-workspace-configuration
                '(:liaison (:debounceMs 0 :rules (:liaison-verb "error"))))
  (liaison-eglot-setup)
  (e2e-step "setup")

  (find-file (getenv "LIAISON_FILE"))
  (unless (eq major-mode 'markdown-mode)
    (error "The file opened in %s, not markdown-mode" major-mode))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (e2e-wait "Eglot to connect" #'eglot-current-server)))
    (e2e-step "connected")
    (setq e2e-result (plist-put e2e-result :language_id (eglot--language-id server)))

    (let* ((first (car (e2e-wait "a Flymake diagnostic"
                                 (lambda ()
                                   (flymake-start)
                                   (e2e-liaison-diagnostics)))))
           ;; The first report may come before the server has asked for
           ;; the workspace configuration (it asks after initialized), so
           ;; wait for the error that configuration sets; failing that,
           ;; report the first, and the Go test names its type.
           (diag (or (ignore-errors
                       (car (e2e-wait "an error diagnostic"
                                      (lambda ()
                                        (flymake-start)
                                        (cl-remove-if-not
                                         (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-error))
                                         (e2e-liaison-diagnostics)))
                                      10)))
                     first))
           (beg (flymake-diagnostic-beg diag))
           (end (flymake-diagnostic-end diag)))
      (e2e-step "diagnostic")
      (setq e2e-result
            (plist-put e2e-result :diagnostic
                       (list :text (flymake-diagnostic-text diag)
                             :type (symbol-name (flymake-diagnostic-type diag))
                             :line (line-number-at-pos beg)
                             :column (save-excursion (goto-char beg) (current-column))
                             :matched (buffer-substring-no-properties beg end))))

      ;; Hover, as eldoc asks for it.
      (goto-char (+ beg 2))
      (let* ((hover (jsonrpc-request server :textDocument/hover
                                     (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents)))
        (setq e2e-result (plist-put e2e-result :hover
                                    (if (stringp contents) contents
                                      (or (plist-get contents :value) "")))))
      (e2e-step "hover")

      ;; The quick fix, through Eglot's code actions.
      (let* ((actions (eglot-code-actions beg end "quickfix"))
             (preferred (or (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                            (error "No preferred quick fix among %S"
                                   (mapcar (lambda (a) (plist-get a :title)) actions)))))
        (setq e2e-result
              (plist-put e2e-result :actions
                         (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
        (setq e2e-result (plist-put e2e-result :applied (plist-get preferred :title)))
        (eglot--apply-workspace-edit (plist-get preferred :edit))))
    (e2e-step "applied")
    (save-buffer)
    (e2e-step "saved")

    (e2e-wait "the diagnostic to clear"
              (lambda ()
                (flymake-start)
                (null (e2e-liaison-diagnostics))))
    (setq e2e-result (plist-put e2e-result :cleared t))
    (e2e-step "cleared")
    (eglot-shutdown server)
    (e2e-step "shutdown")))

(e2e-main #'e2e-run)

;;; e2e.el ends here
