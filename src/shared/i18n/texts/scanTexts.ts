import { defineTexts } from '../catalogue';

/** Texts of the webcam scanner (keys start with 'scan.'). */
export const scanTexts = defineTexts(
  {
    'scan.camera.label': 'Camera',
    'scan.camera.default': 'Standaardcamera',
    'scan.camera.unnamed': 'Camera {n}',
    'scan.start': 'Camera starten',
    'scan.stop': 'Camera stoppen',
    'scan.video.label': 'Camerabeeld',
    'scan.aim.hint': 'Houd de streepjescode in het kader',
    'scan.status.idle': 'Camera staat uit. Scan met de handscanner of start de camera.',
    'scan.status.starting': 'Camera wordt gestart…',
    'scan.status.searching': 'Camera zoekt een code…',
    'scan.status.read': 'Gelezen: {code}',
    'scan.status.noCamera': 'Geen camera gevonden. Sluit een webcam aan of gebruik de handscanner.',
    'scan.status.denied':
      'De camera mag niet gebruikt worden. Geef toestemming voor de camera, of gebruik de handscanner.',
    'scan.status.busy':
      'De camera wordt al door een ander programma gebruikt. Sluit dat programma en probeer opnieuw.',
    'scan.status.error': 'De camera start niet: {detail}',
  },
  {
    'scan.camera.label': 'Camera',
    'scan.camera.default': 'Default camera',
    'scan.camera.unnamed': 'Camera {n}',
    'scan.start': 'Start camera',
    'scan.stop': 'Stop camera',
    'scan.video.label': 'Camera image',
    'scan.aim.hint': 'Hold the barcode inside the frame',
    'scan.status.idle': 'Camera is off. Scan with the hand scanner or start the camera.',
    'scan.status.starting': 'Starting the camera…',
    'scan.status.searching': 'Camera is looking for a code…',
    'scan.status.read': 'Read: {code}',
    'scan.status.noCamera': 'No camera found. Connect a webcam or use the hand scanner.',
    'scan.status.denied': 'The camera may not be used. Allow camera access, or use the hand scanner.',
    'scan.status.busy': 'Another program is already using the camera. Close it and try again.',
    'scan.status.error': 'The camera does not start: {detail}',
  },
);
