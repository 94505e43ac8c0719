"""scikit-learn's metrics on prediction files in sagepack's format, printed as JSON, so
sklearn-agreement.test.ts can compare them with @sagepack/evaluate's on the very same files.
Usage: python3 sklearn-metrics.py <classification.csv>... -- <regression.csv>..."""
import csv
import json
import sys

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, auc, average_precision_score, confusion_matrix, f1_score,
                             log_loss, mean_absolute_error, mean_squared_error, precision_recall_curve,
                             precision_score, r2_score, recall_score, roc_auc_score, roc_curve)


def read(path):
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def classification(path):
    header, rows = read(path)
    classes = [c[2:] for c in header[4:]]
    k = len(classes)
    y = np.array([classes.index(r[2]) for r in rows])
    p = np.array([[float(v) for v in r[4:]] for r in rows])
    predicted = p.argmax(axis=1)
    labels = list(range(k))
    ranked = [1] if k == 2 else labels
    out = {
        'confusion': confusion_matrix(y, predicted, labels=labels).tolist(),
        'accuracy': accuracy_score(y, predicted),
        'f1_per_class': f1_score(y, predicted, labels=labels, average=None, zero_division=0).tolist(),
        'precision_per_class': precision_score(y, predicted, labels=labels, average=None, zero_division=0).tolist(),
        'recall_per_class': recall_score(y, predicted, labels=labels, average=None, zero_division=0).tolist(),
        'f1_macro': f1_score(y, predicted, average='macro', zero_division=0),
        'precision_macro': precision_score(y, predicted, average='macro', zero_division=0),
        'recall_macro': recall_score(y, predicted, average='macro', zero_division=0),
        'log_loss': log_loss(y, p, labels=labels),
        'roc_auc': roc_auc_score(y, p[:, 1]) if k == 2 else roc_auc_score(y, p, multi_class='ovr'),
        'average_precision': average_precision_score(y == 1, p[:, 1]) if k == 2
        else average_precision_score(np.eye(k)[y], p, average='macro'),
        'curves': {},
    }
    for c in ranked:
        fpr, tpr, _ = roc_curve(y == c, p[:, c])
        precision, recall, _ = precision_recall_curve(y == c, p[:, c])
        out['curves'][classes[c]] = {
            'auc': roc_auc_score(y == c, p[:, c]),
            'ap': average_precision_score(y == c, p[:, c]),
            'pr_trapezoid': auc(recall, precision),
            'fpr': fpr.tolist(), 'tpr': tpr.tolist(),
            'precision': precision.tolist(), 'recall': recall.tolist(),
        }
    confidence = p[np.arange(len(y)), predicted]
    correct = (predicted == y).astype(int)
    prob_true, prob_pred = calibration_curve(correct, confidence, n_bins=10, strategy='uniform')
    bins = np.linspace(0.0, 1.0, 11)
    counts = np.bincount(np.searchsorted(bins[1:-1], confidence), minlength=10)
    nonzero = counts[counts > 0]
    out['calibration'] = {
        'accuracy': prob_true.tolist(), 'confidence': prob_pred.tolist(), 'counts': nonzero.tolist(),
        'ece': float(np.sum(nonzero / len(y) * np.abs(prob_true - prob_pred))),
    }
    return out


def regression(path):
    _, rows = read(path)
    y = np.array([float(r[2]) for r in rows])
    predicted = np.array([float(r[3]) for r in rows])
    return {
        'rmse': mean_squared_error(y, predicted, squared=False),
        'mae': mean_absolute_error(y, predicted),
        'r2': r2_score(y, predicted),
    }


split = sys.argv.index('--')
print(json.dumps({
    'classification': [classification(path) for path in sys.argv[1:split]],
    'regression': [regression(path) for path in sys.argv[split + 1:]],
    'sklearn': __import__('sklearn').__version__,
}))
