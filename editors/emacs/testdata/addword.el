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

(load (expand-file-name "e2e-common.el" (file-name-directory load-file-name)) nil t)

(defun e2e-run ()
  "The test."
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

(e2e-main #'e2e-run)

;;; addword.el ends here
