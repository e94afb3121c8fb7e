import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AssetRef, Course, MarkdownText, SourceLocation } from '../../src/model/course.js';
import type { Target } from '../../src/package/target.js';

/**
 * A small course built in code, with its files written to a temp folder. `video` is a real
 * WebM file to play (browser tests); without it the video file is a placeholder.
 */
export function sampleCourse(options: { video?: string } = {}): Course {
  const root = mkdtempSync(path.join(os.tmpdir(), 'parcours-render-'));
  const files: Record<string, string> = {
    'media/intro.mp4': 'not really a video',
    'media/intro.jpg': 'poster',
    'media/intro.fr.vtt': 'WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n',
    'media/schema.png': 'png',
    'files/fiche.pdf': '%PDF-1.4 fiche',
    'files/outil.docx': 'docx',
    'sheets/fiche.md': '# Fiche\n\nVoir le [schéma](../media/schema.png) et ![schéma](../media/schema.png).\n\n<script>alert("x")</script>\n\n| A | B |\n|---|---|\n| 1 | 2 |\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  if (options.video) copyFileSync(options.video, path.join(root, 'media/intro.webm'));
  const loc = (file = 'course.yaml', line = 1): SourceLocation => ({ file, line, column: 1 });
  const md = (source: string, file = 'steps/01.yaml'): MarkdownText => ({ source, loc: loc(file) });
  const asset = (rel: string, mediaType: string): AssetRef => ({ path: rel, absPath: path.join(root, rel), mediaType, loc: loc('steps/01.yaml') });
  return {
    id: 'demo',
    title: 'Cours <démo> & essais </script><!--',
    language: 'fr',
    description: 'Un petit parcours.\n\nDeuxième paragraphe </script><!-- ici.',
    authors: ['Parcours'],
    version: '1.0.0',
    passingScore: 80,
    theme: { color: '#ffcc00' },
    rootDir: root,
    sourceFiles: ['course.yaml', 'steps/01.yaml'],
    loc: loc(),
    steps: [
      {
        id: 'etape1',
        title: 'Première étape',
        duration: '15–20 min',
        introduction: md('Introduction avec un [lien externe](https://example.org) et <img src=x onerror="alert(1)">.'),
        loc: loc('steps/01.yaml'),
        activities: [
          {
            kind: 'video',
            id: 'intro-video',
            title: 'Présentation',
            source: options.video
              ? { type: 'file', file: asset('media/intro.webm', 'video/webm') }
              : { type: 'file', file: asset('media/intro.mp4', 'video/mp4') },
            poster: asset('media/intro.jpg', 'image/jpeg'),
            captions: [{ language: 'fr', label: 'Français', file: asset('media/intro.fr.vtt', 'text/vtt'), loc: loc('steps/01.yaml') }],
            watchedThreshold: 0.9,
            transcript: md('Bonjour à toutes et à tous.'),
            loc: loc('steps/01.yaml'),
          },
          {
            kind: 'quiz',
            id: 'intro-quiz',
            title: 'Testez-vous',
            passingScore: 80,
            attempts: 2,
            shuffle: true,
            loc: loc('steps/01.yaml'),
            questions: [
              {
                id: 'q1',
                type: 'single-choice',
                prompt: md('Combien de **catégories** ?'),
                weight: 1,
                loc: loc('steps/01.yaml'),
                choices: [
                  { id: 'a', text: md('Deux'), correct: false, feedback: md('Non.'), loc: loc() },
                  { id: 'b', text: md('Quatre'), correct: true, feedback: md('Oui.'), loc: loc() },
                ],
                explanation: md('Il y en a quatre.'),
              },
              {
                id: 'q2',
                type: 'true-false',
                prompt: md('Le mécénat en fait partie.'),
                weight: 2,
                loc: loc('steps/01.yaml'),
                choices: [
                  { id: 'true', text: md('Vrai'), correct: true, loc: loc() },
                  { id: 'false', text: md('Faux'), correct: false, loc: loc() },
                ],
              },
            ],
          },
          {
            kind: 'sheet',
            id: 'intro-fiche',
            title: 'Fiche pratique',
            body: md(files['sheets/fiche.md']!, 'sheets/fiche.md'),
            attachments: [{ title: 'Fiche en PDF', file: asset('files/fiche.pdf', 'application/pdf'), loc: loc() }],
            loc: loc('steps/01.yaml'),
          },
          {
            kind: 'tool',
            id: 'intro-outil',
            title: 'Outil',
            instructions: md('Remplissez.'),
            fields: [
              { type: 'text', id: 'nom', label: 'Nom du partenariat', multiline: false, maxLength: 80, loc: loc() },
              { type: 'checklist', id: 'cats', label: 'Catégories', items: [{ id: 'x', label: 'X', loc: loc() }, { id: 'y', label: 'Y', loc: loc() }], loc: loc() },
            ],
            downloads: [{ title: 'Modèle', file: asset('files/outil.docx', 'application/octet-stream'), loc: loc() }],
            loc: loc('steps/01.yaml'),
          },
        ],
      },
    ],
  };
}

export const previewTarget = (runtimeEntry: string): Target => ({
  name: 'test',
  description: 'test target',
  runtimeEntry,
  maxStateLength: 4096,
  package: async (_course, pages) => pages,
});
